package dev.shoal.peer.internal.swarm;

import static dev.shoal.peer.internal.swarm.SwarmPair.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.SwarmStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seed nobody is connected to stops its once-a-second timer once its rates are exactly 0, and
 * wakes when a peer comes: a daemon seeding many torrents does not wake for each of them every second.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RestingSeedTest {

    @TempDir
    Path temp;

    private static SwarmSettings loopback() {
        return SwarmSettings.defaults().withListen("127.0.0.1", 0);
    }

    @Test
    void aSeedWithNobodyConnectedRestsWithItsRatesAtZeroAndWakesForTheNextPeer() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 32 * 1024, 3_000_000);
        try (SwarmPair.Peer seed = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"), loopback())) {
            TorrentSwarm seedSwarm = (TorrentSwarm) seed.swarm;
            try (SwarmPair.Peer first = new SwarmPair.Peer(torrent, temp.resolve("a"), temp.resolve("a.resume"),
                    loopback())) {
                first.swarm.addPeers(List.of(seed.address()));
                await(first::complete, Duration.ofSeconds(30), "the first download");
                TorrentSwarm firstSwarm = (TorrentSwarm) first.swarm;
                // Two seeds drop each other; then both have nothing to do.
                await(() -> !firstSwarm.ticking(), Duration.ofSeconds(30),
                        () -> "the finished leecher to rest: " + first.swarm.stats());
                assertRestsAtZero(first.swarm.stats());
            }
            await(() -> !seedSwarm.ticking(), Duration.ofSeconds(30), () -> "the seed to rest: " + seed.swarm.stats());
            assertRestsAtZero(seed.swarm.stats());

            try (SwarmPair.Peer second = new SwarmPair.Peer(torrent, temp.resolve("b"), temp.resolve("b.resume"),
                    loopback())) {
                second.swarm.addPeers(List.of(seed.address()));
                await(() -> seedSwarm.ticking() || second.complete(), Duration.ofSeconds(30), "the seed to wake");
                await(second::complete, Duration.ofSeconds(30), "the download from the woken seed");
            }
        }
    }

    private static void assertRestsAtZero(SwarmStats stats) {
        assertEquals(0, stats.peers(), "nobody connected: " + stats);
        assertEquals(0, stats.downloadRate(), "download rate exactly 0: " + stats);
        assertEquals(0, stats.uploadRate(), "upload rate exactly 0: " + stats);
        assertTrue(stats.downloaded() > 0 || stats.uploaded() > 0, "bytes did move: " + stats);
    }
}
