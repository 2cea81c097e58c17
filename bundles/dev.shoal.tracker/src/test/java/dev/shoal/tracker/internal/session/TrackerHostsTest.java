package dev.shoal.tracker.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceEvent;
import dev.shoal.tracker.api.AnnounceListener;
import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.LocalPeer;
import dev.shoal.tracker.api.ScrapeResponse;
import dev.shoal.tracker.api.TrackerClient;
import dev.shoal.tracker.api.TrackerException;
import dev.shoal.tracker.api.TrackerPeer;
import dev.shoal.tracker.api.TrackerState;
import dev.shoal.tracker.api.TrackerStatus;
import dev.shoal.tracker.api.TransferStats;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Many sessions naming one tracker host share what is known of it: one announce per backoff to a dead one. */
class TrackerHostsTest {

    private static final String DEAD = "http://127.0.0.1:9/announce";
    private static final String OTHER_PATH = "http://127.0.0.1:9/other/announce";
    private static final String ALIVE = "http://alive.example/announce";
    private static final Timing TIMING = new Timing(Duration.ofSeconds(30), Duration.ofSeconds(15),
            Duration.ofMinutes(30), 0.25, Duration.ofSeconds(60), Duration.ofSeconds(5), 50);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeTrackerClient client = new FakeTrackerClient();
    private final TrackerHosts hosts = new TrackerHosts(scheduler, () -> TIMING, new TrackerSessionTest.KeepOrder());
    private final List<TrackerSession> sessions = new ArrayList<>();
    /** Status changes heard from every session: each one is work for the engine. */
    private int statusChanges;

    private void open(int count, List<List<String>> tiers) {
        for (int i = 0; i < count; i++) {
            byte[] hash = new byte[20];
            hash[0] = (byte) i;
            hash[1] = (byte) (i >> 8);
            AnnounceListener listener = new AnnounceListener() {
                @Override
                public void peersReceived(String trackerUrl, List<TrackerPeer> peers) {
                }

                @Override
                public void statusChanged(TrackerStatus status) {
                    statusChanges++;
                }
            };
            TrackerSession session = new TrackerSession(InfoHash.v1(hash), tiers, new LocalPeer(new byte[20], 6881),
                    listener, () -> new TransferStats(0, 0, 0), scheme -> Optional.of(client), scheduler,
                    () -> TIMING, new TrackerSessionTest.KeepOrder(), hosts);
            session.start();
            sessions.add(session);
        }
    }

    private static AnnounceResponse answer() {
        return new AnnounceResponse(Duration.ofSeconds(1800), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), List.of(), Optional.empty());
    }

    @Test
    void aThousandTorrentsOnADeadHostCostOneAnnouncePerBackoff() {
        client.fails(DEAD, "connection refused");
        client.fails(OTHER_PATH, "connection refused");
        open(500, List.of(List.of(DEAD)));
        open(500, List.of(List.of(OTHER_PATH)));
        scheduler.runDue();
        assertEquals(1, client.calls.size(), "one probe while the host is unknown, the others wait for it");
        int firstChanges = statusChanges;

        scheduler.advance(Duration.ofHours(2));
        // Probes at 0, 15, 45, 105, 225, 465, 945, 1905 (the 30 min cap), 3705 and 5505 s.
        assertEquals(10, client.calls.size(), client.urls().toString());
        // Each probe: announcing, failing; then the next waiter. Not a round (and a status) per torrent each time.
        assertTrue(statusChanges - firstChanges <= 3 * 9, (statusChanges - firstChanges) + " status changes");
        TrackerSession waiting = sessions.get(999);
        assertEquals(TrackerState.FAILING, waiting.status().get(0).state());
        assertEquals(Optional.of("connection refused"), waiting.status().get(0).lastError());

        // Swarms without peers ask for them now and again: nothing to do while the host backs off.
        long tasks = scheduler.scheduled;
        sessions.forEach(TrackerSession::announceNow);
        scheduler.runDue();
        assertEquals(tasks, scheduler.scheduled, "no task for an announce the host would not take");
        assertEquals(10, client.calls.size());
    }

    @Test
    void onceTheHostAnswersEveryWaitingSessionAnnounces() {
        client.fails(DEAD, "connection refused");
        open(50, List.of(List.of(DEAD)));
        scheduler.runDue();
        scheduler.advance(Duration.ofSeconds(100));
        int failed = client.calls.size();

        client.answers(DEAD, answer());
        scheduler.advance(Duration.ofMinutes(2));
        long started = client.calls.stream().skip(failed).filter(c -> c.request().event() == AnnounceEvent.STARTED)
                .map(c -> c.request().infoHash()).distinct().count();
        assertEquals(50, started, "every torrent announced once the host came back");
        assertTrue(sessions.stream().allMatch(s -> s.status().get(0).state() == TrackerState.WORKING));
    }

    @Test
    void aTrackersRefusalOfOneTorrentIsAnAnswerOfItsHost() {
        client.answers(ALIVE, answer());
        TrackerClient refusing = new TrackerClient() {
            private boolean first = true;

            @Override
            public CompletionStage<AnnounceResponse> announce(URI tracker, AnnounceRequest request) {
                if (first) {
                    first = false;
                    return CompletableFuture.failedFuture(
                            new TrackerException(TrackerException.Kind.TRACKER_FAILURE, "unregistered torrent"));
                }
                return client.announce(tracker, request);
            }

            @Override
            public CompletionStage<ScrapeResponse> scrape(URI tracker, List<InfoHash> infoHashes) {
                return client.scrape(tracker, infoHashes);
            }
        };
        for (int i = 0; i < 20; i++) {
            TrackerSession session = new TrackerSession(InfoHash.v1(new byte[] {(byte) i, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), List.of(List.of(ALIVE)), new LocalPeer(new byte[20], 6881),
                    (url, peers) -> { }, () -> new TransferStats(0, 0, 0), scheme -> Optional.of(refusing), scheduler,
                    () -> TIMING, new TrackerSessionTest.KeepOrder(), hosts);
            session.start();
            sessions.add(session);
        }
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(TrackerState.FAILING, sessions.get(0).status().get(0).state());
        assertEquals(19, sessions.stream().filter(s -> s.status().get(0).state() == TrackerState.WORKING).count(),
                "the others announced at once: the host answered");
    }

    @Test
    void aClosedSessionNoLongerWaitsAndTheNextOneProbes() {
        client.fails(DEAD, "connection refused");
        open(3, List.of(List.of(DEAD)));
        scheduler.runDue();
        assertEquals(1, client.calls.size());
        sessions.get(1).abandon();
        scheduler.runDue();
        client.answers(DEAD, answer());
        scheduler.advance(Duration.ofSeconds(15));
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(TrackerState.WORKING, sessions.get(2).status().get(0).state());
        assertEquals(3, client.calls.size(), "the first's probe at 15 s, then the third: the closed one said nothing");
    }
}
