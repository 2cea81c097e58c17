package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.HostilePeers;
import dev.shoal.test.support.HostilePeers.Kind;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.ProcessSockets;
import dev.shoal.test.support.RequestFlooder;
import dev.shoal.test.support.SwarmData;

/**
 * Shoal seeding ({@code shoal get} with the data there, default peer settings) while a scripted
 * attacker on plain sockets tries to shut the door (Shoal issue 13): connections that complete the
 * handshake and then say nothing or only keep-alives fill the torrent's 50 connections, hundreds
 * more never send a handshake or only half of it; or a peer sends 100,000 requests and never reads
 * (Shoal cuts it off once its socket has taken nothing for 5 s).
 * Then a libtorrent leecher arrives: it must get data and complete byte-exact, while Shoal keeps its
 * connections and open files within its limits (read from {@code /proc}, so Linux only) and cuts the
 * flooder off. The bounds on time are hang guards; the figures go to stdout.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class HoldTheDoorIT {

    /** dev.shoal.peer's defaults, which the test leaves as they are. */
    private static final int CONNECTIONS_PER_TORRENT = 50;
    private static final int PENDING_PER_ADDRESS = 16;
    private static final int MAX_PEER_REQUESTS = 2000;
    private static final Duration NEW_PEER_GRACE = Duration.ofSeconds(10);
    /**
     * Shoal's own sockets besides the attack (the tracker's connection, the leecher's, a dial or two)
     * and the attack sockets the acceptor took and the I/O thread has not closed yet: a handful on an
     * idle machine, a few dozen under heavy load (CI once saw 101 above the baseline at a load of 36
     * on 2 cores, 76 of them connections). Far below the 1,020 sockets of the attack, so a leak still fails.
     */
    private static final int SLACK = 40;
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final Duration COMPLETE = Duration.ofSeconds(120);
    private static final Pattern FLOOD_CLOSE = Pattern.compile(
            "closing \\S+: (\\d+) requests refused in a row \\(([^)]*)\\), (\\d+) accepted before, at most (\\d+)");

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_TEST, TestSwarm.Announce.HTTP);
    private static Path shoalData;

    @TempDir
    Path work;

    @BeforeAll
    static void copyForShoal() {
        assumeTrue(ProcessSockets.available() || "1".equals(System.getenv("SHOAL_REQUIRE_ALL_TESTS")),
                "needs Linux's /proc to count Shoal's connections and open files");
        shoalData = swarm.newDirectory("shoal-seed");
        SwarmData.copyTree(swarm.seedDir(), shoalData);
    }

    @Test
    void fiftyIdleConnectionsDoNotShutOutALibtorrentLeecher() throws Exception {
        idleAttack(CONNECTIONS_PER_TORRENT, 10, 10);
    }

    @Test
    void fiveHundredIdleAndFiveHundredSilentSocketsDoNotShutOutALibtorrentLeecher() throws Exception {
        idleAttack(500, 500, 20);
    }

    /**
     * {@code handshaked} connections (half silent, half sending keep-alives) against the torrent's
     * limit, then {@code noHandshake} that send nothing and {@code truncated} that send half a
     * handshake; once the idle ones are past the new-peer grace, the libtorrent leecher.
     */
    private void idleAttack(int handshaked, int noHandshake, int truncated) throws Exception {
        int port = OpenTracker.freePort();
        InetSocketAddress shoalAddress = new InetSocketAddress("127.0.0.1", port);
        String hash = swarm.torrent().infoHash();
        try (ShoalGet shoal = ShoalGet.get(swarm.torrentFile(), shoalData).base(work).port(port).seedRatio("10")
                .start(); Sampler sampler = new Sampler(shoal, port)) {
            awaitHandshake(shoal, shoalAddress);
            int baseline = ProcessSockets.openFiles(shoal.pid());
            sampler.start();
            long attack = System.nanoTime();
            try (HostilePeers idle = HostilePeers.open(shoalAddress, hash,
                    Map.of(Kind.SILENT, handshaked / 2, Kind.KEEP_ALIVE, handshaked - handshaked / 2))) {
                await(shoal, "the torrent full of idle peers", () -> idle.summary(),
                        () -> idle.open(Kind.SILENT) + idle.open(Kind.KEEP_ALIVE) == CONNECTIONS_PER_TORRENT);
                long full = System.nanoTime();
                try (HostilePeers half = HostilePeers.open(shoalAddress, hash,
                        Map.of(Kind.NO_HANDSHAKE, noHandshake, Kind.TRUNCATED, truncated))) {
                    await(shoal, "connections without a whole handshake closed", half::summary,
                            () -> half.open(Kind.NO_HANDSHAKE) + half.open(Kind.TRUNCATED) == 0);
                    System.out.printf(Locale.ROOT, "HoldTheDoorIT: %d idle connections in %.1f s, then %d without a "
                            + "handshake and %d with half of one: %s%n", handshaked, seconds(full - attack),
                            noHandshake, truncated, half.summary());
                }
                long sinceFull = System.nanoTime() - full;
                ShoalGet.sleep(NEW_PEER_GRACE.plusSeconds(1).minusNanos(Math.min(sinceFull,
                        NEW_PEER_GRACE.toNanos())));

                Path download = swarm.newDirectory("libtorrent-leecher-" + handshaked);
                long arrived = System.nanoTime();
                try (LibtorrentPeer leecher = LibtorrentPeer.leecher(swarm.torrent(), download).connectTo(port)
                        .start()) {
                    shoal.explain(() -> leecher.await("its first byte from Shoal", HANG_GUARD,
                            status -> status.downloaded() > 0));
                    long firstByte = System.nanoTime();
                    shoal.explain(() -> leecher.awaitComplete(COMPLETE));
                    long complete = System.nanoTime();
                    int after = ProcessSockets.established(port);
                    System.out.printf(Locale.ROOT, "HoldTheDoorIT: the leecher's first byte %.1f s after it started, "
                            + "complete after %.1f s; idle connections then: %s; Shoal's connections on its port now "
                            + "%d, at most %d; its open files %d before the attack, at most %d%n",
                            seconds(firstByte - arrived), seconds(complete - arrived), idle.summary(), after,
                            sampler.mostConnections.get(), baseline, sampler.mostFiles.get());
                    assertTrue(after <= CONNECTIONS_PER_TORRENT, () -> after + " connections on Shoal's port after "
                            + "the attack, its limit is " + CONNECTIONS_PER_TORRENT);
                    assertTrue(idle.open(Kind.SILENT) + idle.open(Kind.KEEP_ALIVE) < CONNECTIONS_PER_TORRENT,
                            () -> "no idle connection made room for the leecher: " + idle.summary());
                }
                swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
            }
            int most = sampler.mostFiles.get();
            int bound = baseline + CONNECTIONS_PER_TORRENT + PENDING_PER_ADDRESS + SLACK;
            assertTrue(most <= bound, () -> "Shoal held " + most + " open files, " + baseline + " before the attack; "
                    + "the bound is " + bound + "\n" + shoal.describe());
        }
    }

    @Test
    void aPeerFloodingRequestsWithoutReadingIsCutOffWhileALibtorrentLeecherCompletes() throws Exception {
        int port = OpenTracker.freePort();
        InetSocketAddress shoalAddress = new InetSocketAddress("127.0.0.1", port);
        Path download = swarm.newDirectory("libtorrent-leecher-flood");
        try (ShoalGet shoal = ShoalGet.get(swarm.torrentFile(), shoalData).base(work).port(port).seedRatio("10")
                .logLevel("info").start()) {
            awaitHandshake(shoal, shoalAddress);
            try (LibtorrentPeer leecher = LibtorrentPeer.leecher(swarm.torrent(), download).connectTo(port).start();
                    RequestFlooder flooder = RequestFlooder.unchokedBy(shoalAddress, swarm.torrent().infoHash(),
                            HANG_GUARD)) {
                RequestFlooder.Outcome flood = flooder.flood(100_000, swarm.torrent().pieceCount(),
                        swarm.torrent().pieceLength(), HANG_GUARD);
                assertTrue(flood.disconnected(), () -> "the flooder is still connected: " + flood + "\n"
                        + shoal.describe());
                String stderr = shoal.awaitStderr("the flooder cut off", text -> FLOOD_CLOSE.matcher(text).find(),
                        HANG_GUARD, TestSwarm.logs(leecher));
                Matcher line = FLOOD_CLOSE.matcher(stderr);
                assertTrue(line.find());
                int refused = Integer.parseInt(line.group(1));
                int accepted = Integer.parseInt(line.group(3));
                assertEquals(MAX_PEER_REQUESTS, Integer.parseInt(line.group(4)), "the queue bound Shoal applied");
                assertTrue(refused > MAX_PEER_REQUESTS, () -> "cut off after " + refused + " refused requests, "
                        + "no more than may wait: " + line.group());
                long start = System.nanoTime();
                shoal.explain(() -> leecher.awaitComplete(COMPLETE));
                System.out.printf(Locale.ROOT, "HoldTheDoorIT: flood of 100000 requests: %d written before the "
                        + "close was seen, %.2f s after the unchoke; Shoal accepted %d and refused %d in a row (%s) "
                        + "before closing; the libtorrent leecher completed %.1f s later%n", flood.sent(),
                        flood.afterUnchoke().toMillis() / 1000.0, accepted, refused, line.group(2),
                        seconds(System.nanoTime() - start));
            }
        }
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    /** Waits until Shoal answers a handshake for the torrent: it listens and seeds it. */
    private static void awaitHandshake(ShoalGet shoal, InetSocketAddress address) {
        long deadline = System.nanoTime() + READY.toNanos();
        byte[] handshake = HostilePeers.handshake(HexFormat.of().parseHex(swarm.torrent().infoHash()),
                HostilePeers.peerId(new Random()), false);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(address, 1_000);
                socket.setSoTimeout(2_000);
                socket.getOutputStream().write(handshake);
                new DataInputStream(socket.getInputStream()).readFully(new byte[68]);
                return;
            } catch (IOException notYet) {
                if (!shoal.isAlive() || System.nanoTime() > deadline) {
                    fail("Shoal did not answer a handshake within " + READY.toSeconds() + " s\n" + shoal.describe());
                }
                ShoalGet.sleep(Duration.ofMillis(200));
            }
        }
    }

    private static void await(ShoalGet shoal, String what, java.util.function.Supplier<String> state,
            java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + HANG_GUARD.toSeconds() + " s: " + what + ": " + state.get() + "\n"
                        + shoal.describe());
            }
            ShoalGet.sleep(Duration.ofMillis(100));
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Notes the most connections on Shoal's port and the most open files of its process, five times a second. */
    private static final class Sampler implements AutoCloseable {
        final AtomicInteger mostConnections = new AtomicInteger();
        final AtomicInteger mostFiles = new AtomicInteger();
        private final List<Thread> thread = new ArrayList<>(1);
        private final ShoalGet shoal;
        private final int port;
        private volatile boolean stop;

        Sampler(ShoalGet shoal, int port) {
            this.shoal = shoal;
            this.port = port;
        }

        void start() {
            Thread sampling = new Thread(() -> {
                while (!stop) {
                    mostConnections.accumulateAndGet(ProcessSockets.established(port), Math::max);
                    mostFiles.accumulateAndGet(ProcessSockets.openFiles(shoal.pid()), Math::max);
                    ShoalGet.sleep(Duration.ofMillis(200));
                }
            }, "hold-the-door-sampler");
            sampling.setDaemon(true);
            sampling.start();
            thread.add(sampling);
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            for (Thread sampling : thread) {
                sampling.join(5_000);
            }
        }
    }
}
