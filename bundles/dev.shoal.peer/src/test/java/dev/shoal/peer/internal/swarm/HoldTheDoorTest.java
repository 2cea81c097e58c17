package dev.shoal.peer.internal.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.internal.codec.WireLimits;
import dev.shoal.peer.internal.handler.ConnectionBounds;
import dev.shoal.peer.internal.handler.WireTimeouts;
import dev.shoal.peer.internal.net.PeerWireSettings;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.Reserved;
import dev.shoal.test.support.HostilePeers;
import dev.shoal.test.support.HostilePeers.Kind;
import dev.shoal.test.support.RequestFlooder;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seed under attack on 127.0.0.1, with small limits so that the attack is small: connections that
 * handshake and then do nothing must not keep a real leecher out, connections that never finish
 * their handshake are closed after its deadline (and only a few may wait at once), and a peer that
 * floods requests without reading is disconnected while a real leecher completes.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HoldTheDoorTest {

    private static final int LIMIT = 6;
    private static final int PENDING_PER_ADDRESS = 4;
    private static final int HANDSHAKE_SECONDS = 4;
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final int MAX_REQUESTS = 50;
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private static SwarmSettings small() {
        return small(new TurnoverSettings(GRACE, Duration.ofSeconds(300), Duration.ofSeconds(300), 4));
    }

    private static SwarmSettings small(TurnoverSettings turnover) {
        PeerWireSettings wire = new PeerWireSettings(PeerId.generate(new SecureRandom()),
                Reserved.NONE.withFastExtension(true), new WireTimeouts(120, 180, HANDSHAKE_SECONDS),
                WireLimits.DEFAULT, 5_000, new ConnectionBounds(8, PENDING_PER_ADDRESS));
        return SwarmSettings.defaults(wire).withListen("127.0.0.1", 0).withConnectionsPerTorrent(LIMIT)
                .withTurnover(turnover)
                .withMaxPeerRequests(MAX_REQUESTS);
    }

    private static SwarmSettings leecherSettings() {
        return SwarmSettings.defaults().withListen("127.0.0.1", 0);
    }

    @Test
    void idleConnectionsMakeRoomForARealLeecherAndHalfHandshakesAreClosed() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 32 * 1024, 3_000_000);
        String infoHash = torrent.infoHash().truncated().hex();
        try (SwarmPair.Peer seed = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"), small());
                HostilePeers idle = HostilePeers.open(seed.address(), infoHash,
                        Map.of(Kind.SILENT, LIMIT / 2 + 2, Kind.KEEP_ALIVE, LIMIT / 2 + 2))) {
            AtomicInteger most = new AtomicInteger();
            BooleanSupplier full = () -> most.accumulateAndGet(seed.swarm.stats().peers(), Math::max) == LIMIT
                    && idle.open(Kind.SILENT) + idle.open(Kind.KEEP_ALIVE) == LIMIT;
            await(full, () -> "the torrent full of idle peers: " + idle.summary());
            try (HostilePeers half = HostilePeers.open(seed.address(), infoHash,
                    Map.of(Kind.NO_HANDSHAKE, 10, Kind.TRUNCATED, 2))) {
                await(() -> half.open(Kind.NO_HANDSHAKE) + half.open(Kind.TRUNCATED) == 0,
                        () -> "half handshakes closed: " + half.summary());
                System.out.println("HoldTheDoorTest: half handshakes " + half.summary());
                // Those over the bound were closed as they came, before any deadline; the others at the
                // deadline, not at the receive time-out (180 s).
                List<Duration> held = new ArrayList<>(half.heldFor(Kind.NO_HANDSHAKE));
                held.addAll(half.heldFor(Kind.TRUNCATED));
                long early = held.stream().filter(d -> d.toSeconds() < HANDSHAKE_SECONDS).count();
                assertEquals(12 - PENDING_PER_ADDRESS, early, () -> "closed before the handshake deadline: " + held);
            }
            Thread.sleep(GRACE.toMillis());

            try (SwarmPair.Peer leecher = new SwarmPair.Peer(torrent, temp.resolve("leech"), temp.resolve("l.resume"),
                    leecherSettings())) {
                leecher.swarm.addPeers(List.of(seed.address()));
                await(() -> most.accumulateAndGet(seed.swarm.stats().peers(), Math::max) >= 0 && leecher.complete(),
                        () -> "the leecher's download: " + idle.summary());
            }
            System.out.println("HoldTheDoorTest: idle peers " + idle.summary() + "; most peers at once " + most.get());
            assertTrue(most.get() <= LIMIT, () -> "the seed held " + most.get() + " peers, its limit is " + LIMIT);
            assertEquals(LIMIT - 1, idle.open(Kind.SILENT) + idle.open(Kind.KEEP_ALIVE),
                    () -> "one idle peer made room for the leecher: " + idle.summary());
        }
    }

    @Test
    void peersNeitherSideWantsAnythingOfLeaveAFullTorrentAfterTheInactivityTime() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 32 * 1024, 100_000);
        Duration inactivity = Duration.ofSeconds(3);
        SwarmSettings settings = small(new TurnoverSettings(GRACE, inactivity, Duration.ofSeconds(300), 4));
        try (SwarmPair.Peer seed = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"), settings);
                HostilePeers idle = HostilePeers.open(seed.address(), torrent.infoHash().truncated().hex(),
                        Map.of(Kind.KEEP_ALIVE, LIMIT))) {
            // One goes, and the torrent is no longer full: the others stay until someone needs the room.
            await(() -> idle.open(Kind.KEEP_ALIVE) == LIMIT - 1, () -> "an idle peer let go: " + idle.summary());
            Thread.sleep(inactivity.toMillis());
            System.out.println("HoldTheDoorTest: inactivity " + idle.summary());
            assertEquals(LIMIT - 1, idle.open(Kind.KEEP_ALIVE), idle::summary);
            assertTrue(idle.heldFor(Kind.KEEP_ALIVE).stream().allMatch(held -> held.compareTo(inactivity) >= 0),
                    () -> "let go before the inactivity time: " + idle.summary());
        }
    }

    private static void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + HANG_GUARD + " waiting for " + what.get());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    @Test
    void aPeerFloodingRequestsIsDisconnectedAndARealLeecherCompletes() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 32 * 1024, 3_000_000);
        try (SwarmPair.Peer seed = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"), small());
                SwarmPair.Peer leecher = new SwarmPair.Peer(torrent, temp.resolve("leech"), temp.resolve("l.resume"),
                        leecherSettings());
                RequestFlooder flooder = RequestFlooder.unchokedBy(seed.address(),
                        torrent.infoHash().truncated().hex(), HANG_GUARD)) {
            leecher.swarm.addPeers(List.of(seed.address()));
            RequestFlooder.Outcome outcome = flooder.flood(100_000, torrent.pieceCount(), torrent.pieceLength(),
                    HANG_GUARD);
            System.out.println("HoldTheDoorTest: flood " + outcome);
            assertTrue(outcome.disconnected(), () -> "the flooder is still connected: " + outcome);
            await(leecher::complete, () -> "the leecher's download");
        }
    }
}
