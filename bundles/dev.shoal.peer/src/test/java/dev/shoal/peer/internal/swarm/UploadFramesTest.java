package dev.shoal.peer.internal.swarm;

import static dev.shoal.peer.internal.swarm.SwarmPair.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.internal.codec.BlockPool;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frames a seed uploads from (read straight from the disk into the buffer MINA writes) all go
 * back to the send pool: once MINA has written them, and when the connection closes with blocks
 * still queued. A frame kept would show as a pool whose free count stays below what it made.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UploadFramesTest {

    private static final int BLOCK = 16 * 1024;

    @TempDir
    Path temp;

    @Test
    void everyFrameComesBackOnceTheLeecherHasEverything() throws Exception {
        // Whole blocks only: each is a pooled frame (a short last block may get one of its own).
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 32 * 1024, 2 << 20, 1 << 20);
        try (SwarmPair.Peer seed = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"),
                        loopback());
                SwarmPair.Peer leecher = new SwarmPair.Peer(torrent, temp.resolve("leech"), temp.resolve("l.resume"),
                        loopback())) {
            leecher.swarm.addPeers(List.of(seed.address()));
            await(leecher::complete, Duration.ofSeconds(45), "the leecher to complete");
            SwarmLoopbackTest.assertSameFiles(torrent, temp.resolve("seed"), temp.resolve("leech"));
            BlockPool frames = seed.service.sendBuffers();
            await(() -> frames.free() == frames.allocated(), Duration.ofSeconds(10),
                    () -> frames.free() + " of " + frames.allocated() + " frames back");
            long blocks = (3 << 20) / BLOCK;
            assertTrue(frames.reused() > 0, "no frame was reused");
            assertTrue(frames.allocated() <= Uploader.BLOCKS_IN_FLIGHT + 1,
                    frames.allocated() + " frames made for one peer's " + Uploader.BLOCKS_IN_FLIGHT + " in flight");
            assertEquals(blocks, frames.reused() + frames.allocated(), "one frame taken per block");
        }
    }

    @Test
    void framesQueuedForAPeerThatStopsReadingComeBackWhenItLeaves() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 256 * 1024, 8 << 20);
        try (SwarmPair.Peer seed = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"),
                loopback())) {
            BlockPool frames = seed.service.sendBuffers();
            try (ScriptedPeer peer = new ScriptedPeer(seed.service.listenPort(), torrent.infoHash())) {
                peer.send(2, new byte[0]); // interested
                while (peer.read().id() != 1) { // until unchoked
                    continue;
                }
                for (int begin = 0; begin < 8 << 20; begin += BLOCK) {
                    peer.send(6, ByteBuffer.allocate(12).putInt(begin / (256 * 1024)).putInt(begin % (256 * 1024))
                            .putInt(BLOCK).array());
                }
                // Reads nothing more: the seed's socket fills, and the frames past the refill mark
                // stay in MINA's queue (none is sent, so the window is never refilled).
                await(() -> frames.allocated() - frames.free() > Uploader.REFILL_AT, Duration.ofSeconds(10),
                        () -> frames.allocated() - frames.free() + " frames out");
            }
            await(() -> frames.free() == frames.allocated(), Duration.ofSeconds(10),
                    () -> frames.free() + " of " + frames.allocated() + " frames back after the peer left");
        }
    }

    private static SwarmSettings loopback() {
        return SwarmSettings.defaults().withListen("127.0.0.1", 0);
    }
}
