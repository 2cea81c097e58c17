package dev.shoal.peer.internal.swarm;

import static dev.shoal.peer.internal.swarm.SwarmPair.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.storage.api.PieceResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Received blocks decoded into pooled buffers that are poisoned as soon as they are released: a
 * buffer given back while the storage still wrote or hashed it, or reused by two blocks at once,
 * would show as a piece failing its hash or a file differing from the seed's.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PooledBlocksTest {

    @TempDir
    Path temp;

    @Test
    void aLeecherOnAPoisoningPoolGetsEveryPieceRightFromTwoSeeds() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 32 * 1024, 4_000_000, 1_234_567);
        // Fewer buffers than blocks in flight: both reuse and plain allocation happen.
        BlockPool pool = new BlockPool(16, 16 * 1024, false, true);
        // Each peer its own settings: each its own peer id.
        Supplier<SwarmSettings> loopback = () -> SwarmSettings.defaults().withListen("127.0.0.1", 0);
        SwarmComponent service = new SwarmComponent(loopback.get(), pool);
        try (SwarmPair.Peer one = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("1.resume"),
                        loopback.get());
                SwarmPair.Peer two = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("2.resume"),
                        loopback.get());
                SwarmPair.Peer leecher = new SwarmPair.Peer(service, torrent, temp.resolve("leech"),
                        temp.resolve("l.resume"))) {
            leecher.swarm.addPeers(List.of(one.address(), two.address()));
            await(() -> leecher.complete() || leecher.results.stream().anyMatch(result -> !result.verified()),
                    Duration.ofSeconds(45), "the leecher to complete");
            List<PieceResult> failed = leecher.results.stream().filter(result -> !result.verified()).toList();
            assertEquals(List.of(), failed, "pieces failing their hash");
            SwarmLoopbackTest.assertSameFiles(torrent, temp.resolve("seed"), temp.resolve("leech"));
            long blocks = (5_234_567 + 16 * 1024 - 1) / (16 * 1024);
            assertTrue(pool.reused() > 0, "no buffer was reused");
            assertTrue(pool.reused() + pool.allocated() >= blocks,
                    pool.reused() + " + " + pool.allocated() + " blocks decoded of " + blocks);
        } finally {
            service.close();
        }
    }
}
