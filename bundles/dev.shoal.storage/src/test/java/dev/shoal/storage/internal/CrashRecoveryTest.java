package dev.shoal.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.storage.api.CheckResult;
import dev.shoal.storage.api.CheckResult.Reason;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.TorrentStorage;
import dev.shoal.storage.internal.resume.WriteJournal;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a killed process leaves and the next start recovers: the pieces completed after the last
 * resume save (hashed, and only they), the blocks of unfinished pieces (trusted, hashed with their
 * piece), never a whole recheck; and what a clean close records of unfinished pieces.
 */
class CrashRecoveryTest {

    private static final int PIECE = 64 * 1024;
    private static final int BLOCK = TorrentStorage.BLOCK_LENGTH;

    @TempDir
    Path temp;

    private final TestTorrent torrent = TestTorrent.multi("set", PIECE, 5,
            TestTorrent.Spec.file("one.bin", 5 * PIECE + 700), TestTorrent.Spec.file("two.bin", 6 * PIECE));

    @Test
    void pieces_completed_after_the_last_save_are_hashed_and_nothing_else() throws Exception {
        Harness harness = new Harness(temp);
        DiskStorage storage = harness.open(torrent);
        Harness.ready(storage);
        torrent.write(storage, List.of(0, 1), 1);
        storage.saveResume().toCompletableFuture().join();
        // After the save (the interval is an hour): two pieces, one across the two files, and a half.
        write(storage, 5, 0, 4);
        write(storage, 8, 0, 4);
        write(storage, 9, 0, 2);
        storage.simulateCrash();

        try (DiskStorage reopened = harness.open(torrent)) {
            CheckResult result = Harness.ready(reopened);
            assertEquals(Reason.RECOVERED, result.reason());
            assertEquals(2, result.piecesHashed(), "only the pieces the journal shows complete: " + result);
            assertEquals(List.of(0, 1, 5, 8), verified(reopened));
            assertEquals(Map.of(9, blocks(0, 2)), reopened.writtenBlocks());
            // Only the blocks never written are needed to finish piece 9.
            write(reopened, 9, 2, 4);
            assertTrue(reopened.verified().has(9), "the trusted blocks and the new ones make the piece");
        }
        assertEquals(0, harness.failures.size(), harness.failures.toString());
    }

    @Test
    void a_clean_close_records_the_blocks_of_unfinished_pieces() throws Exception {
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            write(storage, 3, 1, 2);
        }
        Files.delete(WriteJournal.beside(harness.resume));
        try (DiskStorage storage = harness.open(torrent)) {
            CheckResult result = Harness.ready(storage);
            assertEquals(Reason.RESUMED, result.reason(), "the resume data alone knows them");
            assertEquals(0, result.piecesHashed());
            assertEquals(Map.of(3, blocks(1, 2)), storage.writtenBlocks());
        }
    }

    @Test
    void a_trusted_block_that_is_wrong_on_disk_fails_its_piece_which_is_then_fetched_whole() throws Exception {
        Harness harness = new Harness(temp);
        DiskStorage storage = harness.open(torrent);
        Harness.ready(storage);
        write(storage, 2, 0, 2);
        storage.simulateCrash();
        // The bytes of block 0 do not survive (say a power loss), though the journal recorded them.
        try (RandomAccessFile file = new RandomAccessFile(harness.file("set", "one.bin").toFile(), "rw")) {
            file.seek(2 * PIECE);
            file.write(new byte[100]);
        }
        try (DiskStorage reopened = harness.open(torrent)) {
            Harness.ready(reopened);
            assertEquals(Map.of(2, blocks(0, 2)), reopened.writtenBlocks());
            write(reopened, 2, 2, 4);
            assertFalse(reopened.verified().has(2));
            assertEquals(new PieceResult(2, PieceResult.Outcome.HASH_FAILED), harness.results.get(
                    harness.results.size() - 1));
            torrent.write(reopened, List.of(2), 3);
            assertTrue(reopened.verified().has(2), "written whole again, it verifies");
        }
    }

    @Test
    void a_piece_that_failed_its_hash_after_the_save_keeps_none_of_its_blocks() throws Exception {
        Harness harness = new Harness(temp);
        DiskStorage storage = harness.open(torrent);
        Harness.ready(storage);
        write(storage, 4, 0, 3);
        storage.writeBlock(4, 3 * BLOCK, ByteBuffer.wrap(new byte[BLOCK])).toCompletableFuture().join();
        write(storage, 4, 1, 2);
        storage.simulateCrash();
        try (DiskStorage reopened = harness.open(torrent)) {
            CheckResult result = Harness.ready(reopened);
            assertEquals(Reason.RECOVERED, result.reason());
            assertEquals(Map.of(4, blocks(1, 2)), reopened.writtenBlocks(),
                    "only the block written after the failure");
        }
    }

    @Test
    void a_file_changed_that_the_journal_does_not_explain_is_rechecked() throws Exception {
        Harness harness = new Harness(temp);
        DiskStorage storage = harness.open(torrent);
        Harness.ready(storage);
        torrent.write(storage, List.of(0, 7), 1);
        storage.saveResume().toCompletableFuture().join();
        write(storage, 1, 0, 1);
        storage.simulateCrash();
        // Someone else appends to two.bin, which the journal never wrote to.
        try (RandomAccessFile file = new RandomAccessFile(harness.file("set", "two.bin").toFile(), "rw")) {
            file.seek(file.length());
            file.write(1);
        }
        try (DiskStorage reopened = harness.open(torrent)) {
            CheckResult result = Harness.ready(reopened);
            assertEquals(Reason.RESUME_MISMATCH, result.reason());
            assertTrue(result.piecesHashed() > 0);
            assertEquals(Map.of(), reopened.writtenBlocks(), "after a recheck no block is taken on trust");
        }
    }

    /**
     * Writes blocks {@code from} (inclusive) to {@code to} (exclusive) of {@code piece} and waits until
     * they are hashed if that completes the piece, without a resume save.
     */
    private void write(DiskStorage storage, int piece, int from, int to) {
        for (int block = from; block < to; block++) {
            storage.writeBlock(piece, block * BLOCK, torrent.block(piece, block * BLOCK)).toCompletableFuture().join();
        }
        storage.drain();
    }

    private static BitSet blocks(int from, int to) {
        BitSet blocks = new BitSet();
        blocks.set(from, to);
        return blocks;
    }

    private static List<Integer> verified(TorrentStorage storage) {
        return storage.verified().toBitSet().stream().boxed().toList();
    }
}
