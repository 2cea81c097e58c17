package dev.shoal.tracker.internal.session;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What all sessions know of each tracker host ({@code scheme://host:port}), so that a dead tracker
 * named by a thousand torrents costs one announce per backoff, not a thousand. While a host has not
 * answered yet, or backs off after it could not be reached, one session's announce at a time goes
 * to it (the probe); the others wait here, without timers of their own, and are woken one at a time
 * when the backoff ends, or all of them, spread over a few seconds, once the host answers.
 *
 * <p>Runs on the {@link Scheduler}'s thread, like the sessions.
 */
public final class TrackerHosts {

    /** Hosts remembered at most; beyond it the ones nobody waits for are forgotten. */
    static final int MAX_HOSTS = 4096;
    /** Waiters woken after a host answered are spread over this much time per waiter, at most {@link #MAX_SPREAD}. */
    private static final Duration SPREAD_PER_WAITER = Duration.ofMillis(20);
    private static final Duration MAX_SPREAD = Duration.ofSeconds(30);

    /** One host's verdict: answered, unreachable, or unknown (the announce was called off). */
    enum Verdict { ANSWERED, UNREACHABLE, NONE }

    /**
     * A session waiting for a host: {@code ready} when the host may be tried (a round now, on the
     * scheduler's thread), {@code failing} when it was found unreachable (once, as it starts failing).
     */
    record Waiter(Runnable ready, Consumer<Host> failing) {
    }

    /** One tracker host. */
    final class Host {
        private final String key;
        private boolean answeredOnce;
        private int failures;
        private Instant retryAt = Instant.MIN;
        /** When the last failure was taken: failures of announces sent before it are old news. */
        private Instant failedAt = Instant.MIN;
        private String lastError = "";
        private boolean probing;
        private final LinkedHashSet<Waiter> waiting = new LinkedHashSet<>();
        private Scheduler.Cancellable wake = () -> { };
        /** When {@link #wake} runs; null when none is scheduled. */
        private Instant wakeAt;

        private Host(String key) {
            this.key = key;
        }

        Instant retryAt() {
            return retryAt;
        }

        String lastError() {
            return lastError;
        }

        boolean failing() {
            return failures > 0;
        }
    }

    private final Scheduler scheduler;
    private final Supplier<Timing> timing;
    private final Random random;
    private final Map<String, Host> hosts = new HashMap<>();

    public TrackerHosts(Scheduler scheduler, Supplier<Timing> timing, Random random) {
        this.scheduler = scheduler;
        this.timing = timing;
        this.random = random;
    }

    /** The host of a tracker; null when its URL cannot be parsed. */
    Host of(TrackerEntry entry) {
        return entry.uri.isPresent() ? of(entry.uri.get()) : null;
    }

    /** The host of a tracker URL. */
    Host of(URI uri) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        String key = scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + uri.getPort();
        Host host = hosts.get(key);
        if (host == null) {
            if (hosts.size() >= MAX_HOSTS) {
                hosts.values().removeIf(h -> h.waiting.isEmpty() && !h.probing);
            }
            host = new Host(key);
            hosts.put(key, host);
        }
        return host;
    }

    /** Whether an announce may go to {@code host} now: it answers, or its backoff ended and no probe is out. */
    boolean mayTry(Host host, Instant now) {
        if (host.answeredOnce && host.failures == 0) {
            return true;
        }
        return !host.probing && !now.isBefore(host.retryAt);
    }

    /** An announce goes to {@code host}: while the host is unknown or failing, it is the probe. */
    void sending(Host host) {
        if (!host.answeredOnce || host.failures > 0) {
            host.probing = true;
        }
    }

    /** What an announce sent at {@code sentAt} told of its host. */
    void result(Host host, Instant sentAt, Verdict verdict, String reason) {
        host.probing = false;
        Instant now = scheduler.now();
        switch (verdict) {
            case ANSWERED -> {
                host.answeredOnce = true;
                host.failures = 0;
                host.retryAt = Instant.MIN;
                host.wake.cancel();
                host.wakeAt = null;
                wakeAll(host);
            }
            case UNREACHABLE -> {
                if (host.failures > 0 && !sentAt.isAfter(host.failedAt)) {
                    return; // sent before the failure we know of (a thousand announces at once): nothing new
                }
                host.failures++;
                host.failedAt = now;
                host.lastError = reason;
                host.retryAt = now.plus(Backoff.delay(timing.get(), host.failures, random.nextDouble()));
                if (host.failures == 1) {
                    // Those that waited for its first answer show why they wait; later failures change nothing they show.
                    List.copyOf(host.waiting).forEach(w -> w.failing().accept(host));
                }
                scheduleWake(host, host.retryAt);
            }
            case NONE -> scheduleWake(host, now); // the probe was called off: let the next waiter try
        }
    }

    /** {@code session} is made ready when {@code host} may be tried again; once per wait. */
    void await(Host host, Waiter session) {
        if (host.waiting.add(session) && !host.probing) {
            scheduleWake(host, host.retryAt);
        }
    }

    /** A closed session waits for nothing. */
    void forget(Waiter session) {
        for (Host host : hosts.values()) {
            host.waiting.remove(session);
        }
    }

    private void scheduleWake(Host host, Instant at) {
        Instant now = scheduler.now();
        Instant when = at.isAfter(now) ? at : now;
        if (host.waiting.isEmpty() || when.equals(host.wakeAt)) {
            return;
        }
        host.wake.cancel();
        host.wakeAt = when;
        host.wake = scheduler.schedule(() -> {
            host.wakeAt = null;
            wakeOne(host);
        }, Duration.between(now, when));
    }

    /** Wakes waiters until one of them probes the host (a woken session may need it no more). */
    private void wakeOne(Host host) {
        Iterator<Waiter> it = host.waiting.iterator();
        while (it.hasNext() && !host.probing && mayTry(host, scheduler.now())) {
            Waiter session = it.next();
            it.remove();
            session.ready().run();
            it = host.waiting.iterator();
        }
    }

    /** The host answers: everyone waiting for it announces, spread so that they do not all come at once. */
    private void wakeAll(Host host) {
        List<Waiter> woken = new ArrayList<>(host.waiting);
        host.waiting.clear();
        Duration spread = SPREAD_PER_WAITER.multipliedBy(woken.size());
        long spreadMillis = Math.min(spread.toMillis(), MAX_SPREAD.toMillis());
        for (Waiter session : woken) {
            long delay = spreadMillis == 0 ? 0 : (long) (random.nextDouble() * spreadMillis);
            scheduler.schedule(session.ready(), Duration.ofMillis(delay));
        }
    }

    /** For tests: the hosts remembered. */
    int size() {
        return hosts.size();
    }
}
