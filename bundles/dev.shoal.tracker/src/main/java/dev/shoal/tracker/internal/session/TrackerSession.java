package dev.shoal.tracker.internal.session;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceEvent;
import dev.shoal.tracker.api.AnnounceListener;
import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.AnnounceSession;
import dev.shoal.tracker.api.LocalPeer;
import dev.shoal.tracker.api.TrackerClient;
import dev.shoal.tracker.api.TrackerState;
import dev.shoal.tracker.api.TrackerStatus;
import dev.shoal.tracker.api.TransferStats;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One torrent's announces: BEP 12 tier order, the events, the intervals and the backoff of dead
 * trackers. No OSGi and no network here: the clients come from a {@link ClientLookup} and time
 * from a {@link Scheduler}, on whose single thread every method body below runs.
 *
 * <p>An announce round walks the trackers tier by tier and stops at the first that answers; a
 * tracker still backing off counts as failed for its tier. When none answers, the next round
 * starts when the first backoff ends. A tracker whose host the {@link TrackerHosts} say is not to be
 * tried now (it backs off, or another session's announce is out to it) counts as failed too, and the
 * session waits for that host instead of keeping a timer of its own.
 */
public final class TrackerSession implements AnnounceSession {

    private static final System.Logger LOG = System.getLogger(TrackerSession.class.getName());

    private final InfoHash infoHash;
    private final LocalPeer self;
    private final AnnounceListener listener;
    private final Supplier<TransferStats> stats;
    private final ClientLookup clients;
    private final Scheduler scheduler;
    private final Supplier<Timing> timing;
    private final Random random;
    private final TrackerHosts hosts;
    /** This session waiting for a host: one object, so the hosts can forget it. */
    private final TrackerHosts.Waiter waiter = new TrackerHosts.Waiter(this::hostReady, this::hostFailing);
    private final Tiers tiers;
    /** A random number fixed for the session (BEP 3 {@code key}). */
    private final int key;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final CompletionStage<Void> closedView = closed.minimalCompletionStage();

    private volatile List<TrackerStatus> snapshot = List.of();
    private Scheduler.Cancellable nextRound = () -> { };
    private Attempt attempt;
    private boolean closing;
    private boolean completedDue;
    private boolean completedSent;
    private boolean roundAgain;
    private Instant earliestAnnounce = Instant.MIN;
    /** Only hosts will wake this session, nothing of its own is due; read on other threads. */
    private volatile boolean onlyHostsDue;

    public TrackerSession(InfoHash infoHash, List<List<String>> tiers, LocalPeer self, AnnounceListener listener,
            Supplier<TransferStats> stats, ClientLookup clients, Scheduler scheduler, Supplier<Timing> timing,
            Random random, TrackerHosts hosts) {
        this.infoHash = infoHash.truncated();
        this.self = self;
        this.listener = listener;
        this.stats = stats;
        this.clients = clients;
        this.scheduler = scheduler;
        this.timing = timing;
        this.random = random;
        this.hosts = hosts;
        this.tiers = new Tiers(tiers, random);
        this.key = random.nextInt();
        this.snapshot = statuses();
    }

    /** Sends the first announce; call once. */
    public void start() {
        scheduler.execute(this::round);
    }

    @Override
    public void completed() {
        scheduler.execute(() -> {
            if (!completedSent && !closing) {
                completedDue = true;
                announceSoon();
            }
        });
    }

    /** Not even a task while only hosts that back off are left: they wake the session (swarms ask often). */
    @Override
    public void announceNow() {
        if (!onlyHostsDue) {
            scheduler.execute(this::announceSoon);
        }
    }

    @Override
    public List<TrackerStatus> status() {
        return snapshot;
    }

    @Override
    public CompletionStage<Void> close() {
        scheduler.execute(this::stop);
        return closedView;
    }

    /** Soon, but not before the tracker's min interval since the last announce. */
    private void announceSoon() {
        announceAllowed(false);
    }

    /** A host it waited for may be tried: the round runs now, so the first woken is the probe and no other wakes. */
    private void hostReady() {
        announceAllowed(true);
    }

    /**
     * A round once the min interval since the last announce allows it; one under way runs again
     * instead. {@code atOnce}: a round that is due runs here rather than from the scheduler.
     */
    private void announceAllowed(boolean atOnce) {
        if (closing) {
            return;
        }
        if (attempt != null) {
            roundAgain = true;
            return;
        }
        Instant now = scheduler.now();
        if (earliestAnnounce.isAfter(now)) {
            scheduleRound(Duration.between(now, earliestAnnounce));
        } else if (atOnce) {
            nextRound.cancel();
            round();
        } else {
            scheduleRound(Duration.ZERO);
        }
    }

    /** The trackers on a host found unreachable show why they are not announced to. */
    private void hostFailing(TrackerHosts.Host host) {
        for (TrackerEntry entry : tiers.inOrder()) {
            if (hosts.of(entry) == host
                    && entry.waitingFor(host.lastError(), host.retryAt())) {
                publish(entry);
            }
        }
    }

    private void scheduleRound(Duration delay) {
        nextRound.cancel();
        nextRound = scheduler.schedule(this::round, delay);
    }

    private void round() {
        if (closing || attempt != null) {
            return;
        }
        onlyHostsDue = false;
        roundAgain = false;
        tryFrom(tiers.inOrder(), 0);
    }

    /** Tries {@code order.get(index)} and, if it fails, the ones after it. */
    private void tryFrom(List<TrackerEntry> order, int index) {
        Instant now = scheduler.now();
        int next = index;
        while (next < order.size() && skipped(order.get(next), now)) {
            next++;
        }
        if (next == order.size()) {
            allFailed(order, now);
            return;
        }
        TrackerEntry entry = order.get(next);
        Optional<TrackerClient> client = entry.scheme().flatMap(clients::forScheme);
        if (client.isEmpty()) {
            fail(entry, entry.uri.isEmpty() ? "not a tracker URL" : "no tracker client for scheme '"
                    + entry.scheme().orElse("") + "'");
            tryFrom(order, next + 1);
            return;
        }
        AnnounceRequest request = requestFor(entry);
        entry.state = TrackerState.ANNOUNCING;
        publish(entry);
        TrackerHosts.Host host = hosts.of(entry);
        hosts.sending(host);
        CompletableFuture<AnnounceResponse> answer;
        try {
            answer = client.get().announce(entry.uri.get(), request).toCompletableFuture();
        } catch (RuntimeException e) {
            // A plugin client that throws instead of failing its stage: treat as a failed announce.
            answer = CompletableFuture.failedFuture(e);
        }
        Attempt current = new Attempt(entry, request, answer, order, next);
        attempt = current;
        Duration limit = timing.get().attemptTimeout();
        Scheduler.Cancellable timeout = scheduler.schedule(() -> {
            if (attempt == current) {
                current.timedOut = true;
                current.answer.cancel(true);
            }
        }, limit);
        answer.whenComplete((response, failure) -> scheduler.execute(() -> {
            timeout.cancel();
            hosts.result(host, now, Outcomes.verdict(current.timedOut, failure),
                    failure == null ? "" : reason(current, failure));
            answered(current, response, failure);
        }));
    }

    private void answered(Attempt current, AnnounceResponse response, Throwable failure) {
        if (attempt != current) {
            return; // abandoned: the session closed meanwhile
        }
        attempt = null;
        if (closing) {
            return;
        }
        if (failure == null) {
            succeeded(current, response);
        } else {
            fail(current.entry, reason(current, failure));
            tryFrom(current.order, current.index + 1);
        }
    }

    private void succeeded(Attempt current, AnnounceResponse response) {
        Instant now = scheduler.now();
        TrackerEntry entry = current.entry;
        AnnounceRequest request = current.request;
        if (request.event() == AnnounceEvent.STARTED) {
            entry.heardStarted = true;
            if (request.left() == 0) {
                completedDue = false; // BEP 3: no 'completed' for a torrent that was complete when it started
                completedSent = true;
            }
        } else if (request.event() == AnnounceEvent.COMPLETED) {
            completedDue = false;
            completedSent = true;
        }
        Duration floor = timing.get().minInterval();
        Duration minInterval = max(response.minInterval().orElse(floor), Duration.ofSeconds(1));
        Duration interval = max(max(response.interval(), minInterval), floor);
        earliestAnnounce = now.plus(minInterval);
        entry.succeeded(response, now, now.plus(interval));
        tiers.promote(entry);
        publish(entry);
        notifyPeers(entry, response);
        if (roundAgain || completedDue) {
            scheduleRound(minInterval);
        } else {
            scheduleRound(interval);
        }
    }

    /** Whether {@code entry} is passed over this round: it backs off, or its host is not to be tried now. */
    private boolean skipped(TrackerEntry entry, Instant now) {
        if (entry.backingOff(now)) {
            return true;
        }
        TrackerHosts.Host host = hosts.of(entry);
        if (host == null || hosts.mayTry(host, now)) {
            return false;
        }
        if (host.failing() && entry.waitingFor(host.lastError(), host.retryAt())) {
            publish(entry);
        }
        return true;
    }

    /**
     * No tracker answered: the next round when the first tracker's own backoff ends, or when a host
     * this session waits for may be tried (the hosts wake it), whichever comes first.
     */
    private void allFailed(List<TrackerEntry> order, Instant now) {
        Instant first = null;
        for (TrackerEntry entry : order) {
            TrackerHosts.Host host = hosts.of(entry);
            if (host != null && !hosts.mayTry(host, now)) {
                hosts.await(host, waiter);
            } else if (first == null || entry.retryAt.isBefore(first)) {
                first = entry.retryAt;
            }
        }
        if (first != null) {
            scheduleRound(first.isAfter(now) ? Duration.between(now, first) : timing.get().retryBase());
        }
        onlyHostsDue = first == null && !order.isEmpty();
    }

    private void fail(TrackerEntry entry, String reason) {
        Duration backoff = Backoff.delay(timing.get(), entry.failures + 1, random.nextDouble());
        entry.failed(reason, scheduler.now().plus(backoff));
        publish(entry);
    }

    private AnnounceRequest requestFor(TrackerEntry entry) {
        TransferStats now = stats.get();
        AnnounceEvent event = !entry.heardStarted ? AnnounceEvent.STARTED
                : completedDue ? AnnounceEvent.COMPLETED : AnnounceEvent.NONE;
        return new AnnounceRequest(infoHash, self.peerId(), self.port(), now.uploaded(), now.downloaded(), now.left(),
                event, timing.get().numWant(), key, entry.trackerId);
    }

    private String reason(Attempt current, Throwable failure) {
        return Outcomes.reason(current.timedOut, timing.get().attemptTimeout(), failure);
    }

    @Override
    public void abandon() {
        scheduler.execute(() -> {
            if (quit()) {
                closed.complete(null);
            }
        });
    }

    /** Ends announcing; false when it had ended already. */
    private boolean quit() {
        if (closing) {
            return false;
        }
        closing = true;
        nextRound.cancel();
        hosts.forget(waiter);
        if (attempt != null) {
            attempt.answer.cancel(true);
            attempt = null;
        }
        return true;
    }

    /** Sends 'stopped' to every tracker that heard 'started', each bounded by the stop timeout. */
    private void stop() {
        if (!quit()) {
            return;
        }
        List<CompletableFuture<?>> stops = new ArrayList<>();
        for (TrackerEntry entry : tiers.inOrder()) {
            Optional<TrackerClient> client = entry.scheme().flatMap(clients::forScheme);
            // A host that cannot be reached is not sent 'stopped': a thousand torrents would wait on it at exit.
            if (entry.heardStarted && client.isPresent() && !hosts.of(entry.uri.get()).failing()) {
                AnnounceRequest request = requestFor(entry).withEvent(AnnounceEvent.STOPPED);
                stops.add(Stopped.send(client.get(), entry.uri.get(), request, scheduler, timing.get().stopTimeout()));
            }
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) ->
                closed.complete(null));
    }

    private void publish(TrackerEntry changed) {
        snapshot = statuses();
        TrackerStatus status = changed.status();
        try {
            listener.statusChanged(status);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "announce listener failed on a status change", e);
        }
    }

    private void notifyPeers(TrackerEntry entry, AnnounceResponse response) {
        try {
            listener.peersReceived(entry.url, response.peers());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "announce listener failed on new peers", e);
        }
    }

    private List<TrackerStatus> statuses() {
        return tiers.inOrder().stream().map(TrackerEntry::status).toList();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

}
