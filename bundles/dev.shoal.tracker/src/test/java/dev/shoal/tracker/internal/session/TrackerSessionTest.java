package dev.shoal.tracker.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceEvent;
import dev.shoal.tracker.api.AnnounceListener;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.LocalPeer;
import dev.shoal.tracker.api.TrackerClient;
import dev.shoal.tracker.api.TrackerPeer;
import dev.shoal.tracker.api.TrackerState;
import dev.shoal.tracker.api.TrackerStatus;
import dev.shoal.tracker.api.TransferStats;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The pure session logic on a manual clock with a fake client. */
class TrackerSessionTest {

    private static final String A = "http://a.example/announce";
    private static final String B = "http://b.example/announce";
    private static final String C = "http://c.example/announce";
    private static final Timing TIMING = new Timing(Duration.ofSeconds(30), Duration.ofSeconds(15),
            Duration.ofMinutes(30), 0.25, Duration.ofSeconds(60), Duration.ofSeconds(5), 50);
    private static final TrackerPeer PEER = TrackerPeer.of(new InetSocketAddress("127.0.0.9", 6881));

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeTrackerClient client = new FakeTrackerClient();
    private final TrackerHosts hosts = new TrackerHosts(scheduler, () -> TIMING, new KeepOrder());
    private final Map<String, TrackerClient> byScheme = new HashMap<>(Map.of("http", client));
    private final List<List<TrackerPeer>> peersSeen = new ArrayList<>();
    private final List<TrackerStatus> statusesSeen = new ArrayList<>();
    private long left = 100;

    /** Shuffles nothing (each element swapped with itself) and never jitters. */
    static class KeepOrder extends Random {
        @Override
        public int nextInt(int bound) {
            return bound - 1;
        }

        @Override
        public double nextDouble() {
            return 0;
        }
    }

    /** Shuffles with every swap against the first element. */
    static class SwapWithFirst extends KeepOrder {
        @Override
        public int nextInt(int bound) {
            return 0;
        }
    }

    private TrackerSession open(List<List<String>> tiers, Random random) {
        AnnounceListener listener = new AnnounceListener() {
            @Override
            public void peersReceived(String trackerUrl, List<TrackerPeer> peers) {
                peersSeen.add(peers);
            }

            @Override
            public void statusChanged(TrackerStatus status) {
                statusesSeen.add(status);
            }
        };
        TrackerSession session = new TrackerSession(InfoHash.v1(new byte[20]), tiers,
                new LocalPeer(new byte[20], 6881), listener, () -> new TransferStats(0, 0, left),
                scheme -> Optional.ofNullable(byScheme.get(scheme)), scheduler, () -> TIMING, random, hosts);
        session.start();
        return session;
    }

    private TrackerSession open(List<List<String>> tiers) {
        return open(tiers, new KeepOrder());
    }

    static AnnounceResponse answer(long intervalSeconds, Optional<Duration> minInterval) {
        return new AnnounceResponse(Duration.ofSeconds(intervalSeconds), minInterval, Optional.empty(),
                OptionalInt.of(3), OptionalInt.of(4), List.of(PEER), Optional.empty());
    }

    private List<AnnounceEvent> events() {
        return client.calls.stream().map(c -> c.request().event()).toList();
    }

    @Test
    void opensWithoutCallingAnyTrackerOnTheCallersThread() {
        open(List.of(List.of(A)));
        assertEquals(List.of(), client.calls);
        scheduler.runDue();
        assertEquals(1, client.calls.size());
    }

    @Test
    void startedFirstThenRegularAnnouncesAtTheInterval() {
        client.answers(A, answer(1800, Optional.empty()));
        TrackerSession session = open(List.of(List.of(A)));
        scheduler.runDue();
        scheduler.advance(Duration.ofSeconds(1799));
        assertEquals(List.of(AnnounceEvent.STARTED), events());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of(AnnounceEvent.STARTED, AnnounceEvent.NONE), events());
        assertEquals(List.of(List.of(PEER), List.of(PEER)), peersSeen);
        TrackerStatus status = session.status().get(0);
        assertEquals(TrackerState.WORKING, status.state());
        assertEquals(OptionalInt.of(3), status.seeders());
        assertEquals(OptionalInt.of(4), status.leechers());
        assertEquals(Optional.of(scheduler.now().plusSeconds(1800)), status.nextAnnounce());
        assertEquals(50, client.calls.get(0).request().numWant());
    }

    @Test
    void anIntervalBelowTheFloorOrTheMinIntervalIsRaised() {
        client.answers(A, answer(5, Optional.empty()));
        open(List.of(List.of(A)));
        scheduler.runDue();
        scheduler.advance(Duration.ofSeconds(29));
        assertEquals(1, client.calls.size());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(2, client.calls.size(), "the 30 s floor");

        client.answers(A, answer(60, Optional.of(Duration.ofSeconds(120))));
        scheduler.advance(Duration.ofSeconds(30));
        assertEquals(3, client.calls.size());
        scheduler.advance(Duration.ofSeconds(119));
        assertEquals(3, client.calls.size());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(4, client.calls.size(), "the tracker's min interval");
    }

    @Test
    void theTrackerThatAnsweredMovesToTheFrontOfItsTier() {
        client.fails(A, "connection refused");
        client.answers(B, answer(1800, Optional.empty()));
        TrackerSession session = open(List.of(List.of(A, B)));
        scheduler.runDue();
        assertEquals(List.of(A, B), client.urls());
        assertEquals(List.of(B, A), session.status().stream().map(TrackerStatus::url).toList());
        TrackerStatus dead = session.status().get(1);
        assertEquals(TrackerState.FAILING, dead.state());
        assertEquals(Optional.of("connection refused"), dead.lastError());
        assertEquals(1, dead.failures());

        client.answers(A, answer(1800, Optional.empty()));
        scheduler.advance(Duration.ofSeconds(1800));
        assertEquals(List.of(A, B, B), client.urls(), "the promoted tracker is asked first, and alone");
        assertEquals(AnnounceEvent.NONE, client.calls.get(2).request().event());
    }

    @Test
    void theNextTierIsTriedOnlyWhenTheWholeTierFailed() {
        client.fails(A, "down");
        client.answers(B, answer(1800, Optional.empty()));
        client.answers(C, answer(1800, Optional.empty()));
        open(List.of(List.of(A, B), List.of(C)));
        scheduler.runDue();
        assertEquals(List.of(A, B), client.urls());

        client.fails(B, "down too");
        scheduler.advance(Duration.ofSeconds(1800));
        assertEquals(List.of(A, B, B, A, C), client.urls());
    }

    @Test
    void aTierIsShuffledOnceAtTheStart() {
        client.answers(A, answer(1800, Optional.empty()));
        client.answers(B, answer(1800, Optional.empty()));
        TrackerSession session = open(List.of(List.of(A, B)), new SwapWithFirst());
        assertEquals(List.of(B, A), session.status().stream().map(TrackerStatus::url).toList());
        scheduler.runDue();
        scheduler.advance(Duration.ofSeconds(1800));
        assertEquals(List.of(B, B), client.urls());
    }

    @Test
    void aDeadTrackerIsRetriedWithGrowingBackoff() {
        client.fails(A, "down");
        TrackerSession session = open(List.of(List.of(A)));
        scheduler.runDue();
        assertEquals(1, client.calls.size());
        scheduler.advance(Duration.ofSeconds(14));
        assertEquals(1, client.calls.size());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(2, client.calls.size(), "15 s after the first failure");
        scheduler.advance(Duration.ofSeconds(29));
        assertEquals(2, client.calls.size());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(3, client.calls.size(), "30 s after the second");
        assertEquals(Optional.of(scheduler.now().plusSeconds(60)), session.status().get(0).nextAnnounce());

        client.answers(A, answer(1800, Optional.empty()));
        scheduler.advance(Duration.ofSeconds(60));
        assertEquals(4, client.calls.size());
        assertEquals(List.of(AnnounceEvent.STARTED, AnnounceEvent.STARTED, AnnounceEvent.STARTED,
                AnnounceEvent.STARTED), events(), "started until a tracker heard it");
        assertEquals(0, session.status().get(0).failures());
        assertEquals(Optional.empty(), session.status().get(0).lastError());
    }

    @Test
    void aTrackerThatNeverAnswersIsGivenUpForTheNext() {
        client.hangs(A);
        client.answers(B, answer(1800, Optional.empty()));
        open(List.of(List.of(A, B)));
        scheduler.runDue();
        assertEquals(List.of(A), client.urls());
        scheduler.advance(Duration.ofSeconds(60));
        assertEquals(List.of(A, B), client.urls());
        assertTrue(client.calls.get(0).answer().isCancelled(), "the hanging request was cancelled");
        assertEquals(List.of(List.of(PEER)), peersSeen);
    }

    @Test
    void completedIsSentOnceWithinTheMinInterval() {
        client.answers(A, answer(1800, Optional.of(Duration.ofSeconds(100))));
        TrackerSession session = open(List.of(List.of(A)));
        scheduler.runDue();
        left = 0;
        session.completed();
        scheduler.advance(Duration.ofSeconds(99));
        assertEquals(List.of(AnnounceEvent.STARTED), events());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of(AnnounceEvent.STARTED, AnnounceEvent.COMPLETED), events());
        assertEquals(0, client.calls.get(1).request().left());
        session.completed();
        scheduler.advance(Duration.ofSeconds(1800));
        assertEquals(List.of(AnnounceEvent.STARTED, AnnounceEvent.COMPLETED, AnnounceEvent.NONE), events());
    }

    @Test
    void noCompletedForATorrentCompleteFromTheStart() {
        left = 0;
        client.answers(A, answer(1800, Optional.empty()));
        TrackerSession session = open(List.of(List.of(A)));
        scheduler.runDue();
        session.completed();
        scheduler.advance(Duration.ofSeconds(1800));
        assertEquals(List.of(AnnounceEvent.STARTED, AnnounceEvent.NONE), events());
    }

    @Test
    void closeSaysStoppedToTheTrackersThatHeardStartedAndFinishesDespiteAHangingOne() {
        client.fails(A, "down");
        client.answers(B, answer(1800, Optional.empty()));
        TrackerSession session = open(List.of(List.of(A), List.of(B)));
        scheduler.runDue();
        client.hangs(B);
        CompletionStage<Void> closed = session.close();
        scheduler.runDue();
        assertEquals(List.of(A, B, B), client.urls());
        assertEquals(AnnounceEvent.STOPPED, client.calls.get(2).request().event());
        assertFalse(closed.toCompletableFuture().isDone());
        scheduler.advance(Duration.ofSeconds(5));
        assertTrue(closed.toCompletableFuture().isDone(), "the stop timeout bounds close");
        scheduler.advance(Duration.ofHours(1));
        assertEquals(3, client.calls.size(), "nothing after close");
        assertTrue(session.close() == closed, "closing twice gives the same stage");
    }

    @Test
    void abandonEndsTheSessionWithoutStoppedAndAnInFlightAnnounceIsDropped() {
        client.answers(A, answer(1800, Optional.empty()));
        TrackerSession session = open(List.of(List.of(A)));
        scheduler.runDue();
        session.announceNow();
        client.hangs(A);
        scheduler.advance(Duration.ofSeconds(30));
        assertEquals(2, client.calls.size(), "an announce is under way");
        session.abandon();
        scheduler.runDue();
        assertTrue(session.close().toCompletableFuture().isDone(), "abandoned: closed, with nothing to wait for");
        scheduler.advance(Duration.ofHours(1));
        assertEquals(List.of(AnnounceEvent.STARTED, AnnounceEvent.NONE), events(), "no stopped, nothing after");
    }

    @Test
    void theTrackerIdIsSentBack() {
        client.answers(A, new AnnounceResponse(Duration.ofSeconds(60), Optional.empty(), Optional.of("t-42"),
                OptionalInt.empty(), OptionalInt.empty(), List.of(), Optional.of("be nice")));
        TrackerSession session = open(List.of(List.of(A)));
        scheduler.runDue();
        scheduler.advance(Duration.ofSeconds(60));
        assertEquals(Optional.empty(), client.calls.get(0).request().trackerId());
        assertEquals(Optional.of("t-42"), client.calls.get(1).request().trackerId());
        assertEquals(Optional.of("be nice"), session.status().get(0).warning());
    }

    @Test
    void aSchemeWithoutAClientFailsUntilAPluginServesIt() {
        String udp = "udp://u.example:6969/announce";
        FakeTrackerClient plugin = new FakeTrackerClient();
        plugin.answers(udp, answer(1800, Optional.empty()));
        TrackerSession session = open(List.of(List.of(udp)));
        scheduler.runDue();
        TrackerStatus status = session.status().get(0);
        assertEquals(TrackerState.FAILING, status.state());
        assertEquals(Optional.of("no tracker client for scheme 'udp'"), status.lastError());

        byScheme.put("udp", plugin);
        scheduler.advance(Duration.ofSeconds(15));
        assertEquals(List.of(udp), plugin.urls());
        assertEquals(TrackerState.WORKING, session.status().get(0).state());
    }

    @Test
    void blankAndDuplicateUrlsAreSkippedAndAV2HashIsTruncated() {
        client.answers(A, answer(1800, Optional.empty()));
        byte[] v2 = new byte[32];
        v2[0] = 7;
        TrackerSession session = new TrackerSession(InfoHash.v2(v2), List.of(List.of(), List.of(" ", A, A)),
                new LocalPeer(new byte[20], 1), (url, peers) -> { }, () -> new TransferStats(0, 0, 0),
                scheme -> Optional.of(client), scheduler, () -> TIMING, new KeepOrder(), hosts);
        session.start();
        scheduler.runDue();
        assertEquals(1, session.status().size());
        assertEquals(0, session.status().get(0).tier());
        assertEquals(20, client.calls.get(0).request().infoHash().bytes().length);
        assertEquals(7, client.calls.get(0).request().infoHash().bytes()[0]);
    }

    @Test
    void statusChangesReachTheListener() {
        client.answers(A, answer(1800, Optional.empty()));
        open(List.of(List.of(A)));
        scheduler.runDue();
        assertEquals(List.of(TrackerState.ANNOUNCING, TrackerState.WORKING),
                statusesSeen.stream().map(TrackerStatus::state).toList());
    }
}
