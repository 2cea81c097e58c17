package dev.shoal.storage.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.storage.api.CheckProgress;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageException.Kind;
import dev.shoal.storage.api.TorrentStorage;
import dev.shoal.storage.internal.TestTorrent.Spec;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAndVerifyTest {

    private static final int PIECE = 32 * 1024;

    @TempDir
    Path temp;

    @Test
    void a_single_file_written_in_random_order_is_verified_and_identical() throws Exception {
        TestTorrent torrent = TestTorrent.single("movie.bin", 5 * PIECE + 1234, PIECE, 1);
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            torrent.write(storage, torrent.allPieces(), 7);
            assertTrue(storage.verified().isComplete());
            assertEquals(torrent.metainfo.pieceCount(), harness.results.stream().filter(PieceResult::verified).count());
        }
        assertArrayEquals(torrent.content, Files.readAllBytes(harness.file("movie.bin")));
    }

    @Test
    void pieces_span_three_files_with_pad_and_empty_files_and_the_files_match() throws Exception {
        // Piece 0 covers a, b and the start of d; c is empty; the pad file aligns e to piece 2.
        TestTorrent torrent = TestTorrent.multi("album", PIECE, 2,
                Spec.file("a.flac", 10_000), Spec.file("b.flac", 3_000), Spec.file("c/empty.txt", 0),
                Spec.file("d.flac", 40_000), Spec.pad(2 * PIECE - 53_000), Spec.file("sub/e.flac", 50_000));
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            assertTrue(Files.exists(harness.file("album", "c", "empty.txt")), "empty files exist from the start");
            torrent.write(storage, torrent.allPieces(), 3);
            assertTrue(storage.verified().isComplete());
            ByteBuffer padBytes = storage.readBlock(1, 53_000 - PIECE, 100).toCompletableFuture().join();
            assertArrayEquals(new byte[100], bytes(padBytes), "pad bytes read as zeros");
        }
        int[] real = {0, 1, 2, 3, 5};
        String[] names = {"a.flac", "b.flac", "c/empty.txt", "d.flac", "sub/e.flac"};
        for (int i = 0; i < real.length; i++) {
            assertArrayEquals(torrent.fileBytes(real[i]), Files.readAllBytes(harness.file("album", names[i])));
        }
        assertFalse(Files.exists(harness.file("album", ".pad")), "pad files never reach the disk");
    }

    @Test
    void a_corrupt_block_fails_its_piece_and_good_data_then_verifies() throws Exception {
        TestTorrent torrent = TestTorrent.single("f", 3 * PIECE, PIECE, 4);
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            ByteBuffer bad = torrent.block(1, 0);
            bad.put(5, (byte) (bad.get(5) ^ 1));
            storage.writeBlock(1, 0, bad).toCompletableFuture().join();
            storage.writeBlock(1, TorrentStorage.BLOCK_LENGTH, torrent.block(1, TorrentStorage.BLOCK_LENGTH))
                    .toCompletableFuture().join();
            TestTorrent.settle(storage);
            assertFalse(storage.verified().has(1));
            assertEquals(List.of(new PieceResult(1, PieceResult.Outcome.HASH_FAILED)), harness.results);

            torrent.write(storage, List.of(1), 5);
            assertTrue(storage.verified().has(1));
            assertEquals(PieceResult.Outcome.VERIFIED, harness.results.get(1).outcome());
            assertEquals(1, storage.verified().count());
        }
    }

    @Test
    void unverified_pieces_are_never_read_and_verified_ones_are() throws Exception {
        TestTorrent torrent = TestTorrent.single("f", 2 * PIECE, PIECE, 5);
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            storage.writeBlock(0, 0, torrent.block(0, 0)).toCompletableFuture().join();
            assertEquals(Kind.NOT_VERIFIED, failure(storage.readBlock(0, 0, 100)).kind());
            torrent.write(storage, List.of(0), 1);
            ByteBuffer read = storage.readBlock(0, 1000, 5000).toCompletableFuture().join();
            assertArrayEquals(java.util.Arrays.copyOfRange(torrent.content, 1000, 6000), bytes(read));
            assertEquals(Kind.NOT_VERIFIED, failure(storage.readBlock(1, 0, 100)).kind());
        }
    }

    @Test
    void blocks_off_the_grid_or_outside_the_torrent_are_refused() throws Exception {
        TestTorrent torrent = TestTorrent.single("f", PIECE + 100, PIECE, 6);
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            assertEquals(Kind.INVALID_BLOCK, failure(storage.writeBlock(0, 1, ByteBuffer.allocate(100))).kind());
            assertEquals(Kind.INVALID_BLOCK, failure(storage.writeBlock(0, 0, ByteBuffer.allocate(100))).kind());
            assertEquals(Kind.INVALID_BLOCK,
                    failure(storage.writeBlock(1, 0, ByteBuffer.allocate(TorrentStorage.BLOCK_LENGTH))).kind());
            assertEquals(Kind.INVALID_BLOCK, failure(storage.writeBlock(2, 0, ByteBuffer.allocate(1))).kind());
            assertEquals(Kind.INVALID_BLOCK, failure(storage.writeBlock(-1, 0, ByteBuffer.allocate(1))).kind());
            assertEquals(Kind.INVALID_BLOCK, failure(storage.readBlock(0, 0, 20_000)).kind());
            assertEquals(Kind.INVALID_BLOCK, failure(storage.readBlock(1, 50, 51)).kind());
            // The last piece's only block is 100 bytes: that one is fine.
            storage.writeBlock(1, 0, torrent.block(1, 0)).toCompletableFuture().join();
            TestTorrent.settle(storage);
            assertTrue(storage.verified().has(1));
        }
    }

    @Test
    void blocks_of_verified_pieces_are_dropped_and_explicit_verify_rehashes() throws Exception {
        TestTorrent torrent = TestTorrent.single("f", 2 * PIECE, PIECE, 8);
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            torrent.write(storage, List.of(0), 1);
            storage.writeBlock(0, 0, ByteBuffer.allocate(TorrentStorage.BLOCK_LENGTH)).toCompletableFuture().join();
            assertTrue(storage.verify(0).toCompletableFuture().join().verified(), "zeros were not written over it");
            assertFalse(storage.verify(1).toCompletableFuture().join().verified());
        }
    }

    @Test
    void after_a_recheck_a_piece_in_progress_is_judged_by_the_disk_not_by_what_was_hashed_on_the_way_in()
            throws Exception {
        TestTorrent torrent = TestTorrent.single("f", 2 * PIECE, PIECE, 10);
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            storage.writeBlock(1, 0, torrent.block(1, 0)).toCompletableFuture().join();
            // Behind the storage's back, piece 1's first block changes on disk (the file keeps its length).
            try (FileChannel file = FileChannel.open(harness.file("f"), StandardOpenOption.WRITE)) {
                file.write(ByteBuffer.allocate(TorrentStorage.BLOCK_LENGTH), PIECE);
            }
            storage.recheck(CheckProgress.NONE).toCompletableFuture().join();
            storage.writeBlock(1, TorrentStorage.BLOCK_LENGTH, torrent.block(1, TorrentStorage.BLOCK_LENGTH))
                    .toCompletableFuture().join();
            TestTorrent.settle(storage);
            assertFalse(storage.verified().has(1));
            assertEquals(List.of(new PieceResult(1, PieceResult.Outcome.HASH_FAILED)), harness.results);
        }
    }

    @Test
    void a_closed_storage_refuses_work() throws Exception {
        TestTorrent torrent = TestTorrent.single("f", PIECE, PIECE, 9);
        DiskStorage storage = new Harness(temp).open(torrent);
        Harness.ready(storage);
        storage.close();
        storage.close();
        assertEquals(Kind.CLOSED, failure(storage.writeBlock(0, 0, torrent.block(0, 0))).kind());
        assertEquals(Kind.CLOSED, failure(storage.saveResume()).kind());
    }

    static StorageException failure(CompletionStage<?> stage) {
        CompletionException e = assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
        return assertInstanceOf(StorageException.class, e.getCause());
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
