package dev.shoal.tracker.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceEvent;
import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.ScrapeResponse;
import dev.shoal.tracker.api.ScrapeStats;
import dev.shoal.tracker.api.TrackerException;
import dev.shoal.tracker.api.TrackerPeer;
import dev.shoal.udp.api.DatagramHandler;
import dev.shoal.udp.internal.SharedSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against a scripted tracker on a loopback UDP socket. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UdpTrackerClientTest {

    /** The schedule's own tests: short, so that they see it run. */
    private static final Duration BASE = Duration.ofMillis(200);
    /**
     * The tests that answer: a retransmission only after this long, so that however loaded the machine,
     * the test reads the request it answers and nothing sent again.
     */
    private static final Duration PATIENT = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final InfoHash HASH = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");

    private final AtomicLong clock = new AtomicLong();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private UdpTrackerClient client() throws IOException {
        return client(PATIENT);
    }

    private UdpTrackerClient client(Duration retransmitBase) throws IOException {
        UdpTrackerClient client = new UdpTrackerClient(new UdpSettings(retransmitBase, 2, Duration.ofMinutes(1)),
                clock::get);
        toClose.add(client);
        client.bindPort(sharedSocket(client));
        return client;
    }

    /** Shoal's shared UDP socket, as dev.shoal.udp runs it, with {@code client} as its tracker handler. */
    private SharedSocket sharedSocket(UdpTrackerClient client) throws IOException {
        SharedSocket udp = SharedSocket.open(0);
        toClose.add(udp);
        udp.handlers().add(client, DatagramHandler.ORDER_TRACKER);
        return udp;
    }

    private FakeUdpTracker tracker(String loopback) throws IOException {
        FakeUdpTracker tracker = new FakeUdpTracker(loopback);
        toClose.add(tracker);
        return tracker;
    }

    static AnnounceRequest request() {
        return new AnnounceRequest(HASH, "-SH0001-udpudpudpudp".getBytes(StandardCharsets.US_ASCII), 6881, 1, 2, 3,
                AnnounceEvent.STARTED, 30, 0x1234, Optional.empty());
    }

    private static TrackerException failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(TrackerException.class, e.getCause());
    }

    /** Answers the connect request that must arrive next. */
    private static FakeUdpTracker.Received acceptConnect(FakeUdpTracker tracker, long connectionId)
            throws IOException {
        FakeUdpTracker.Received connect = tracker.receive(WAIT);
        assertNotNull(connect, "no connect request");
        assertEquals(Packets.PROTOCOL_ID, connect.connectionId());
        assertEquals(Packets.CONNECT, connect.action());
        tracker.send(connect, FakeUdpTracker.connected(connect.transactionId(), connectionId));
        return connect;
    }

    @Test
    void announcesAndReadsPeers() throws Exception {
        FakeUdpTracker tracker = tracker("127.0.0.1");
        CompletableFuture<AnnounceResponse> answer = client().announce(tracker.uri(), request()).toCompletableFuture();
        acceptConnect(tracker, 77);
        FakeUdpTracker.Received announce = tracker.receive(WAIT);
        assertEquals(98, announce.data().limit());
        assertEquals(77, announce.connectionId());
        assertEquals(Packets.ANNOUNCE, announce.action());
        assertEquals(2, announce.data().getInt(80), "event started is 2 in BEP 15");
        assertEquals(30, announce.data().getInt(92));
        assertEquals(6881, announce.data().getShort(96));
        tracker.send(announce, FakeUdpTracker.announced(announce.transactionId(), 1800, 4, 5,
                new byte[] {127, 0, 0, 1, 0x1A, (byte) 0xE1, 127, 0, 0, 2, 0x1A, (byte) 0xE2}));
        AnnounceResponse response = answer.get(10, TimeUnit.SECONDS);
        assertEquals(Duration.ofSeconds(1800), response.interval());
        assertEquals(5, response.seeders().getAsInt());
        assertEquals(4, response.leechers().getAsInt());
        assertEquals(List.of(TrackerPeer.of(new InetSocketAddress("127.0.0.1", 6881)),
                TrackerPeer.of(new InetSocketAddress("127.0.0.2", 6882))), response.peers());
    }

    @Test
    void anIpv6TrackerSends18ByteEntries() throws Exception {
        FakeUdpTracker tracker;
        try {
            tracker = tracker("::1");
        } catch (IOException e) {
            Assumptions.abort("no IPv6 loopback here: " + e);
            return;
        }
        CompletableFuture<AnnounceResponse> answer = client().announce(tracker.uri(), request()).toCompletableFuture();
        acceptConnect(tracker, 1);
        FakeUdpTracker.Received announce = tracker.receive(WAIT);
        byte[] peer = new byte[18];
        peer[15] = 1;
        peer[16] = 0x1A;
        peer[17] = (byte) 0xE1;
        tracker.send(announce, FakeUdpTracker.announced(announce.transactionId(), 60, 0, 1, peer));
        assertEquals(List.of(TrackerPeer.of(new InetSocketAddress(InetAddress.getByName("::1"), 6881))),
                answer.get(10, TimeUnit.SECONDS).peers());
    }

    @Test
    void anErrorAnswerCarriesTheTrackersMessage() throws Exception {
        FakeUdpTracker tracker = tracker("127.0.0.1");
        CompletableFuture<AnnounceResponse> answer = client().announce(tracker.uri(), request()).toCompletableFuture();
        acceptConnect(tracker, 5);
        FakeUdpTracker.Received announce = tracker.receive(WAIT);
        tracker.send(announce, FakeUdpTracker.error(announce.transactionId(), "torrent not registered"));
        TrackerException e = failure(answer);
        assertEquals(TrackerException.Kind.TRACKER_FAILURE, e.kind());
        assertEquals("torrent not registered", e.getMessage());
    }

    @Test
    void wrongTransactionIdsTruncatedPacketsAndWrongActionsAreIgnored() throws Exception {
        FakeUdpTracker tracker = tracker("127.0.0.1");
        CompletableFuture<AnnounceResponse> answer = client().announce(tracker.uri(), request()).toCompletableFuture();
        FakeUdpTracker.Received connect = tracker.receive(WAIT);
        int tx = connect.transactionId();
        tracker.send(connect, FakeUdpTracker.connected(tx + 1, 9)); // someone else's transaction
        tracker.send(connect, ByteBuffer.allocate(12).putInt(0).putInt(tx).putInt(9).flip()); // truncated
        tracker.send(connect, ByteBuffer.allocate(4).putInt(0).flip()); // shorter than a header
        tracker.send(connect, FakeUdpTracker.announced(tx, 60, 0, 0, new byte[0])); // wrong action
        tracker.send(connect, FakeUdpTracker.connected(tx, 9));
        FakeUdpTracker.Received announce = tracker.receive(WAIT);
        assertEquals(Packets.ANNOUNCE, announce.action(), "the bad answers to connect were taken for good");
        assertEquals(9, announce.connectionId());
        tracker.send(announce, ByteBuffer.allocate(16).putInt(1).putInt(announce.transactionId()).putLong(0).flip());
        tracker.send(announce, FakeUdpTracker.announced(announce.transactionId() ^ 1, 60, 0, 0, new byte[0]));
        assertFalse(waitBriefly(answer), "a truncated or foreign announce answer was taken");
        tracker.send(announce, FakeUdpTracker.announced(announce.transactionId(), 60, 0, 0, new byte[0]));
        assertEquals(Duration.ofSeconds(60), answer.get(10, TimeUnit.SECONDS).interval());
    }

    private static boolean waitBriefly(CompletableFuture<?> future) throws InterruptedException {
        Thread.sleep(100);
        return future.isDone();
    }

    /**
     * The request and two retransmissions, 200 ms and then 400 ms apart, and the failure 800 ms after
     * the last. Timers never fire early, so each is checked against its earliest time; how late a loaded
     * machine made them is only reported.
     */
    @Test
    void retransmitsOnTheConfiguredScheduleThenFails() throws Exception {
        FakeUdpTracker tracker = tracker("127.0.0.1");
        long start = System.nanoTime();
        CompletableFuture<AnnounceResponse> answer = client(BASE).announce(tracker.uri(), request())
                .toCompletableFuture();
        CompletableFuture<Long> failedAt = answer.handle((response, failure) -> System.nanoTime());
        List<FakeUdpTracker.Received> received = new ArrayList<>();
        long deadline = start + WAIT.toNanos();
        while (!answer.isDone() && System.nanoTime() < deadline) {
            FakeUdpTracker.Received r = tracker.receive(Duration.ofMillis(50));
            if (r != null) {
                received.add(r);
            }
        }
        // What was sent before the failure is in the socket's buffer by now.
        for (FakeUdpTracker.Received r = tracker.receive(Duration.ofMillis(50)); r != null;
                r = tracker.receive(Duration.ofMillis(50))) {
            received.add(r);
        }
        TrackerException e = failure(answer);
        assertEquals(TrackerException.Kind.NETWORK, e.kind());
        long failed = failedAt.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        System.out.printf("UdpTrackerClientTest: received at %s ms, failed at %d ms (due at 0, 200, 600; 1400)%n",
                received.stream().map(r -> String.valueOf((r.nanos() - start) / 1_000_000)).toList(),
                (failed - start) / 1_000_000);
        assertEquals(3, received.size(), "n = 0..2: the request and two retransmissions");
        assertTrue(received.stream().allMatch(r -> r.action() == Packets.CONNECT));
        assertEquals(1, received.stream().map(FakeUdpTracker.Received::transactionId).distinct().count());
        assertNotBefore(received.get(1).nanos(), start, BASE, "the first retransmission");
        assertNotBefore(received.get(2).nanos(), start, BASE.multipliedBy(3), "the second retransmission");
        assertNotBefore(failed, start, BASE.multipliedBy(7), "the failure");
    }

    private static void assertNotBefore(long nanos, long start, Duration due, String what) {
        long after = nanos - start;
        assertTrue(after >= due.toNanos(), what + " after " + after / 1_000_000 + " ms, due at " + due.toMillis());
    }

    @Test
    void cancellingStopsTheRetransmissions() throws Exception {
        FakeUdpTracker tracker = tracker("127.0.0.1");
        // The first retransmission is due long after the cancel, however loaded the machine.
        Duration base = Duration.ofSeconds(2);
        CompletableFuture<AnnounceResponse> answer = client(base).announce(tracker.uri(), request())
                .toCompletableFuture();
        assertNotNull(tracker.receive(WAIT));
        answer.cancel(true);
        assertNull(tracker.receive(base.multipliedBy(2)), "retransmitted after the caller cancelled");
    }

    @Test
    void reusesTheConnectionIdForAMinute() throws Exception {
        FakeUdpTracker tracker = tracker("127.0.0.1");
        UdpTrackerClient client = client();
        for (int round = 0; round < 3; round++) {
            CompletableFuture<AnnounceResponse> answer = client.announce(tracker.uri(), request()).toCompletableFuture();
            if (round != 1) {
                acceptConnect(tracker, 100 + round);
            }
            FakeUdpTracker.Received announce = tracker.receive(WAIT);
            assertEquals(Packets.ANNOUNCE, announce.action(), "round " + round + " sent a connect");
            assertEquals(round == 2 ? 102 : 100, announce.connectionId());
            tracker.send(announce, FakeUdpTracker.announced(announce.transactionId(), 60, 0, 0, new byte[0]));
            answer.get(10, TimeUnit.SECONDS);
            clock.addAndGet(Duration.ofSeconds(round == 0 ? 59 : 2).toNanos()); // 59 s: still valid; 61 s: expired
        }
    }

    @Test
    void scrapesSeveralHashes() throws Exception {
        FakeUdpTracker tracker = tracker("127.0.0.1");
        InfoHash other = InfoHash.v1(new byte[20]);
        CompletableFuture<ScrapeResponse> answer = client().scrape(tracker.uri(), List.of(HASH, other))
                .toCompletableFuture();
        acceptConnect(tracker, 3);
        FakeUdpTracker.Received scrape = tracker.receive(WAIT);
        assertEquals(Packets.SCRAPE, scrape.action());
        assertEquals(56, scrape.data().limit());
        tracker.send(scrape, ByteBuffer.allocate(32).putInt(2).putInt(scrape.transactionId())
                .putInt(1).putInt(2).putInt(3).putInt(4).putInt(5).putInt(6).flip());
        ScrapeResponse response = answer.get(10, TimeUnit.SECONDS);
        assertEquals(Optional.of(new ScrapeStats(1, 2, 3)), response.stats(HASH));
        assertEquals(Optional.of(new ScrapeStats(4, 5, 6)), response.stats(other));
    }

    @Test
    void claimsOnlyAnswersToItsOwnRequestsFromTheTrackerAsked() throws Exception {
        FakeUdpTracker tracker = tracker("127.0.0.1");
        UdpTrackerClient client = client();
        CompletableFuture<AnnounceResponse> answer = client.announce(tracker.uri(), request()).toCompletableFuture();
        FakeUdpTracker.Received connect = tracker.receive(WAIT);
        int tx = connect.transactionId();
        InetSocketAddress trackerAddress = (InetSocketAddress) tracker.address();
        assertFalse(client.handle(trackerAddress, FakeUdpTracker.connected(tx + 1, 9)), "another transaction");
        assertFalse(client.handle(new InetSocketAddress("127.0.0.9", trackerAddress.getPort()),
                FakeUdpTracker.connected(tx, 9)), "another sender");
        assertFalse(client.handle(trackerAddress, ByteBuffer.allocate(7)), "shorter than a header");
        assertFalse(client.handle(trackerAddress, ByteBuffer.wrap("d1:ad2:id20:aaaaaaaaaaaaaaaaaaaae1:q4:pinge"
                .getBytes(StandardCharsets.US_ASCII))), "a DHT query");
        assertFalse(answer.isDone());
        ByteBuffer reused = FakeUdpTracker.connected(tx, 9);
        assertTrue(client.handle(trackerAddress, reused), "the answer");
        reused.clear().putLong(0).putLong(0); // the port reuses its buffer: the client must have copied
        FakeUdpTracker.Received announce = tracker.receive(WAIT);
        assertEquals(9, announce.connectionId());
        assertFalse(client.handle(trackerAddress, FakeUdpTracker.connected(tx, 9)), "a transaction already over");
    }

    @Test
    void withoutTheUdpPortAnnouncesFailClearly() throws Exception {
        UdpTrackerClient client = new UdpTrackerClient(new UdpSettings(PATIENT, 2, Duration.ofMinutes(1)), clock::get);
        toClose.add(client);
        FakeUdpTracker tracker = tracker("127.0.0.1");
        TrackerException e = failure(client.announce(tracker.uri(), request()).toCompletableFuture());
        assertEquals("UDP port not available", e.getMessage());
        assertEquals(TrackerException.Kind.NETWORK, e.kind());
    }

    /** dev.shoal.udp updated under a running announce: the retransmission goes out of the new socket. */
    @Test
    void aSwappedPortCarriesTheRetransmission() throws Exception {
        FakeUdpTracker tracker = tracker("127.0.0.1");
        UdpTrackerClient client = new UdpTrackerClient(new UdpSettings(Duration.ofMillis(500), 4,
                Duration.ofMinutes(1)), clock::get);
        toClose.add(client);
        SharedSocket first = sharedSocket(client);
        client.bindPort(first);
        CompletableFuture<AnnounceResponse> answer = client.announce(tracker.uri(), request()).toCompletableFuture();
        FakeUdpTracker.Received lost = tracker.receive(WAIT);
        assertNotNull(lost, "no connect request");
        client.unbindPort(first);
        first.close();
        SharedSocket second = sharedSocket(client);
        client.bindPort(second);
        FakeUdpTracker.Received again = tracker.receive(WAIT);
        assertNotNull(again, "not retransmitted after the swap");
        assertEquals(lost.transactionId(), again.transactionId());
        assertEquals(second.port(), ((InetSocketAddress) again.from()).getPort(), "sent from the new socket");
        tracker.send(again, FakeUdpTracker.connected(again.transactionId(), 4));
        FakeUdpTracker.Received announce = tracker.receive(WAIT);
        assertEquals(Packets.ANNOUNCE, announce.action());
        tracker.send(announce, FakeUdpTracker.announced(announce.transactionId(), 60, 0, 0, new byte[0]));
        assertEquals(Duration.ofSeconds(60), answer.get(10, TimeUnit.SECONDS).interval());
    }

    @Test
    void badUrlsFailAtOnce() throws Exception {
        UdpTrackerClient client = client();
        assertEquals(TrackerException.Kind.UNSUPPORTED, failure(client.announce(
                java.net.URI.create("udp://127.0.0.1/announce"), request()).toCompletableFuture()).kind());
        assertEquals(TrackerException.Kind.UNSUPPORTED, failure(client.scrape(
                java.net.URI.create("udp://127.0.0.1:1/announce"), List.of()).toCompletableFuture()).kind());
    }
}
