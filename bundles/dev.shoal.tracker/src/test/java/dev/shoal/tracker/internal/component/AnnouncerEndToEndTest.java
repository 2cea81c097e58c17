package dev.shoal.tracker.internal.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceListener;
import dev.shoal.tracker.api.AnnounceSession;
import dev.shoal.tracker.api.LocalPeer;
import dev.shoal.tracker.api.ScrapeStats;
import dev.shoal.tracker.api.TrackerClient;
import dev.shoal.tracker.api.TrackerPeer;
import dev.shoal.tracker.api.TrackerState;
import dev.shoal.tracker.api.TrackerStatus;
import dev.shoal.tracker.api.TransferStats;
import dev.shoal.tracker.http.internal.HttpSettings;
import dev.shoal.tracker.http.internal.HttpTrackerClient;
import dev.shoal.tracker.internal.session.Timing;
import dev.shoal.tracker.udp.internal.UdpSettings;
import dev.shoal.tracker.udp.internal.UdpTrackerClient;
import dev.shoal.udp.api.DatagramHandler;
import dev.shoal.udp.internal.SharedSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import dev.shoal.test.support.OpenTracker;

/** The Announcer with the real HTTP and UDP clients against a real opentracker. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AnnouncerEndToEndTest {

    private static final InfoHash HASH = InfoHash.fromHex("7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c03");
    /**
     * Short retries so a test sees several of them; time-outs that a loaded machine does not run into
     * (the 'stopped' announces on close must reach the tracker).
     */
    private static final Timing FAST_RETRY = new Timing(Duration.ofSeconds(30), Duration.ofMillis(200),
            Duration.ofSeconds(1), 0.25, Duration.ofSeconds(10), Duration.ofSeconds(10), 50);
    /** How long a test waits for what the tracker or a session must come to. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Keeps each tier in the given order, so the dead tracker is surely tried first. */
    static final class KeepOrder extends Random {
        @Override
        public int nextInt(int bound) {
            return bound - 1;
        }
    }

    /** Collects what a session reports. */
    static final class Collector implements AnnounceListener {
        final BlockingQueue<List<TrackerPeer>> peers = new LinkedBlockingQueue<>();

        @Override
        public void peersReceived(String trackerUrl, List<TrackerPeer> received) {
            peers.add(received);
        }

        /** Waits for an answer that holds {@code wanted}; fails after {@code limit}. */
        void awaitPeer(InetSocketAddress wanted, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                List<TrackerPeer> next = peers.poll(100, TimeUnit.MILLISECONDS);
                if (next != null && next.contains(TrackerPeer.of(wanted))) {
                    return;
                }
            }
            throw new AssertionError("no answer with " + wanted + " within " + limit);
        }

        void awaitAnswer(Duration limit) throws InterruptedException {
            if (peers.poll(limit.toMillis(), TimeUnit.MILLISECONDS) == null) {
                throw new AssertionError("no tracker answered within " + limit);
            }
        }
    }

    private AnnouncerComponent announcer;
    private HttpTrackerClient http;
    private UdpTrackerClient udp;
    private SharedSocket udpPort;

    @BeforeEach
    void setUp() throws Exception {
        announcer = new AnnouncerComponent(FAST_RETRY, new KeepOrder());
        http = new HttpTrackerClient(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 2 << 20, "t"));
        // Sent again 200, 400 and 800 ms apart, given up 1.6 s later: a dead tracker fails within 3 s, and an
        // answer slowed by a loaded machine still counts.
        udp = new UdpTrackerClient(new UdpSettings(Duration.ofMillis(200), 3, Duration.ofMinutes(1)));
        udpPort = SharedSocket.open(0);
        udpPort.handlers().add(udp, DatagramHandler.ORDER_TRACKER);
        udp.bindPort(udpPort);
    }

    @AfterEach
    void tearDown() throws Exception {
        announcer.deactivate();
        udp.close();
        udpPort.close();
    }

    private void addHttp() {
        announcer.addClient(http, Map.of(TrackerClient.SCHEMES, new String[] {"http", "https"}, "service.id", 1L));
    }

    private void addUdp() {
        announcer.addClient(udp, Map.of(TrackerClient.SCHEMES, "udp", "service.id", 2L));
    }

    private static LocalPeer peer(String id, int port) {
        return new LocalPeer(id.getBytes(StandardCharsets.US_ASCII), port);
    }

    private static String http(int port) {
        return "http://127.0.0.1:" + port + "/announce";
    }

    private static String udp(int port) {
        return "udp://127.0.0.1:" + port + "/announce";
    }

    /** Polls the session's first tracker until {@code goal} holds; that tracker's status. */
    private static TrackerStatus awaitStatus(AnnounceSession session, Predicate<TrackerStatus> goal, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        TrackerStatus status = session.status().get(0);
        while (!goal.test(status)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + WAIT + ": " + status);
            }
            Thread.sleep(20);
            status = session.status().get(0);
        }
        return status;
    }

    @Test
    void aDeadFirstTrackerIsPassedOverAndTheWorkingOnePromoted() throws Exception {
        addHttp();
        addUdp();
        int dead = OpenTracker.freePort(); // nothing listens there
        try (OpenTracker tracker = OpenTracker.start(List.of(HASH.hex()))) {
            Collector seed = new Collector();
            AnnounceSession seeding = announcer.open(HASH, List.of(List.of(http(dead), http(tracker.port()))),
                    peer("-SH0001-seedseedseed", 42001), seed, () -> new TransferStats(0, 0, 0));
            seed.awaitAnswer(WAIT);

            Collector leech = new Collector();
            AnnounceSession leeching = announcer.open(HASH, List.of(List.of(udp(dead), udp(tracker.port()))),
                    peer("-SH0001-leechleechle", 42002), leech, () -> new TransferStats(0, 0, 1000));
            leech.awaitPeer(new InetSocketAddress("127.0.0.1", 42001), WAIT);

            List<TrackerStatus> status = seeding.status();
            assertEquals(http(tracker.port()), status.get(0).url(), "the tracker that answered leads its tier");
            assertEquals(TrackerState.WORKING, status.get(0).state());
            assertEquals(TrackerState.FAILING, status.get(1).state());
            assertTrue(status.get(1).lastError().isPresent());
            assertEquals(udp(tracker.port()), leeching.status().get(0).url());

            seeding.close().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            leeching.close().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            ScrapeStats left = http.scrape(URI.create(http(tracker.port())), List.of(HASH)).toCompletableFuture()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS).stats(HASH).orElseThrow();
            assertEquals(new ScrapeStats(0, left.downloaded(), 0), left, "both said 'stopped'");
        }
    }

    @Test
    void aTrackerDownAtTheStartIsPickedUpByTheRetries() throws Exception {
        addHttp();
        addUdp();
        int port = OpenTracker.freePort();
        Collector overHttp = new Collector();
        Collector overUdp = new Collector();
        AnnounceSession first = announcer.open(HASH, List.of(List.of(http(port))), peer("-SH0001-aaaaaaaaaaaa", 43001),
                overHttp, () -> new TransferStats(0, 0, 0));
        AnnounceSession second = announcer.open(HASH, List.of(List.of(udp(port))), peer("-SH0001-bbbbbbbbbbbb", 43002),
                overUdp, () -> new TransferStats(0, 0, 5));
        TrackerStatus down = awaitStatus(first, status -> status.failures() >= 2, "retried while down");
        assertEquals(TrackerState.FAILING, down.state());
        try (OpenTracker tracker = OpenTracker.start(List.of(HASH.hex()), port)) {
            overHttp.awaitAnswer(WAIT);
            overUdp.awaitAnswer(WAIT);
            assertEquals(TrackerState.WORKING, first.status().get(0).state());
            assertEquals(0, first.status().get(0).failures());
            assertEquals(TrackerState.WORKING, second.status().get(0).state());
            first.close().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            second.close().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientRegisteredLaterIsPickedUpLive() throws Exception {
        try (OpenTracker tracker = OpenTracker.start(List.of(HASH.hex()))) {
            Collector collector = new Collector();
            AnnounceSession session = announcer.open(HASH, List.of(List.of(udp(tracker.port()))),
                    peer("-SH0001-cccccccccccc", 44001), collector, () -> new TransferStats(0, 0, 0));
            TrackerStatus alone = awaitStatus(session, status -> status.lastError().isPresent(), "error");
            assertEquals("no tracker client for scheme 'udp'", alone.lastError().orElse(""));
            addUdp();
            collector.awaitAnswer(WAIT);
            assertEquals(TrackerState.WORKING, session.status().get(0).state());
            session.close().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
