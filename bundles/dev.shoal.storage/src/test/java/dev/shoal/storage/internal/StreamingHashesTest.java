package dev.shoal.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Pieces streamed one after another, each on a digest another piece used before, hash right. */
class StreamingHashesTest {

    private static final int PIECE = 32 * 1024;
    private static final int BLOCK = 16 * 1024;

    @Test
    void digestsGivenBackAndReusedStartEachPieceAfresh() {
        TestTorrent torrent = TestTorrent.single("f", 20 * PIECE, PIECE, 3);
        StreamingHashes hashes = new StreamingHashes(torrent.metainfo);
        for (int piece = 0; piece < 20; piece++) {
            stream(hashes, torrent, piece, piece % 3 == 0 ? 1 : 0);
            // Every third piece gets one byte wrong in its first block; the next still matches.
            assertEquals(piece % 3 != 0, hashes.matches(piece), "piece " + piece);
        }
        hashes.written(5, BLOCK, ByteBuffer.wrap(torrent.content, 5 * PIECE + BLOCK, BLOCK));
        assertNull(hashes.matches(5), "a piece not streamed from its start is hashed from disk");
        hashes.written(6, 0, ByteBuffer.wrap(torrent.content, 6 * PIECE, BLOCK));
        assertNull(hashes.matches(6), "half a piece: from disk");
        stream(hashes, torrent, 7, 0);
        assertEquals(true, hashes.matches(7));
    }

    private static void stream(StreamingHashes hashes, TestTorrent torrent, int piece, int damage) {
        for (int offset = 0; offset < PIECE; offset += BLOCK) {
            byte[] block = new byte[BLOCK];
            System.arraycopy(torrent.content, piece * PIECE + offset, block, 0, BLOCK);
            if (offset == 0) {
                block[0] ^= (byte) damage;
            }
            hashes.written(piece, offset, ByteBuffer.wrap(block));
        }
    }
}
