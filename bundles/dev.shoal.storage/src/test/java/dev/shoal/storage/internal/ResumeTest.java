package dev.shoal.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.storage.api.CheckResult;
import dev.shoal.storage.api.CheckResult.Reason;
import dev.shoal.storage.api.PieceSet;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {

    private static final int PIECE = 32 * 1024;

    @TempDir
    Path temp;

    private final TestTorrent torrent = TestTorrent.multi("set", PIECE, 11,
            TestTorrent.Spec.file("one.bin", 3 * PIECE + 500), TestTorrent.Spec.file("two.bin", 4 * PIECE));

    @Test
    void a_first_open_without_resume_data_checks_and_finds_nothing() throws Exception {
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent)) {
            CheckResult result = Harness.ready(storage);
            assertEquals(Reason.NO_RESUME_DATA, result.reason());
            assertEquals(0, result.piecesHashed(), "no file exists, so nothing is worth hashing");
        }
        assertTrue(Files.exists(harness.resume), "the check's result is saved");
    }

    @Test
    void reopening_after_close_trusts_the_resume_data_without_hashing() throws Exception {
        Harness harness = new Harness(temp);
        PieceSet before;
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            torrent.write(storage, List.of(0, 2, 4, 6), 1);
            before = storage.verified();
        }
        try (DiskStorage storage = harness.open(torrent)) {
            CheckResult result = Harness.ready(storage);
            assertEquals(Reason.RESUMED, result.reason());
            assertEquals(0, result.piecesHashed());
            assertEquals(0, storage.stats().piecesHashed());
            assertEquals(before, storage.verified());
            assertEquals(4, storage.verified().count());
        }
    }

    @Test
    void a_changed_file_forces_a_full_recheck_that_finds_exactly_the_intact_pieces() throws Exception {
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            torrent.write(storage, torrent.allPieces(), 2);
        }
        // Damage one byte of piece 1 (inside one.bin) and truncate two.bin into its second piece (piece 5).
        try (RandomAccessFile file = new RandomAccessFile(harness.file("set", "one.bin").toFile(), "rw")) {
            file.seek(PIECE + 10);
            int b = file.read();
            file.seek(PIECE + 10);
            file.write(b ^ 0xff);
        }
        try (RandomAccessFile file = new RandomAccessFile(harness.file("set", "two.bin").toFile(), "rw")) {
            file.setLength(2 * PIECE - 500 + 100);
        }
        try (DiskStorage storage = harness.open(torrent)) {
            CheckResult result = Harness.ready(storage);
            assertEquals(Reason.RESUME_MISMATCH, result.reason());
            List<Integer> have = pieces(storage.verified());
            assertEquals(List.of(0, 2, 3, 4), have);
            assertEquals(5, result.piecesHashed(), "pieces 5 to 7 lie beyond the end of two.bin: not hashed");
        }
    }

    @Test
    void a_touched_mtime_alone_forces_a_recheck_which_still_finds_everything() throws Exception {
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            torrent.write(storage, torrent.allPieces(), 2);
        }
        Files.setLastModifiedTime(harness.file("set", "two.bin"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        try (DiskStorage storage = harness.open(torrent)) {
            CheckResult result = Harness.ready(storage);
            assertEquals(Reason.RESUME_MISMATCH, result.reason());
            assertEquals(torrent.metainfo.pieceCount(), result.piecesHashed());
            assertTrue(storage.verified().isComplete());
        }
    }

    @Test
    void without_resume_data_pieces_already_on_disk_are_found_even_when_only_a_later_file_has_data()
            throws Exception {
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            torrent.write(storage, List.of(5, 6), 3); // two.bin's only
        }
        Files.delete(harness.resume);
        try (DiskStorage storage = harness.open(torrent)) {
            CheckResult result = Harness.ready(storage);
            assertEquals(Reason.NO_RESUME_DATA, result.reason());
            assertEquals(List.of(5, 6), pieces(storage.verified()));
            assertTrue(result.piecesHashed() >= 2, "a file with data is hashed, not skipped as a new torrent's");
        }
    }

    @Test
    void a_corrupt_resume_file_means_a_recheck_not_a_crash() throws Exception {
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            torrent.write(storage, List.of(1, 3), 2);
        }
        Files.write(harness.resume, "d6:format12:shoal-resume7:versioni1e4:garbage".getBytes());
        try (DiskStorage storage = harness.open(torrent)) {
            CheckResult result = Harness.ready(storage);
            assertEquals(Reason.RESUME_CORRUPT, result.reason());
            assertEquals(List.of(1, 3), pieces(storage.verified()));
        }
    }

    @Test
    void resume_data_of_another_torrent_is_not_trusted() throws Exception {
        Harness harness = new Harness(temp);
        TestTorrent other = TestTorrent.single("other", 2 * PIECE, PIECE, 99);
        try (DiskStorage storage = harness.open(other)) {
            Harness.ready(storage);
            other.write(storage, other.allPieces(), 1);
        }
        try (DiskStorage storage = harness.open(torrent)) {
            assertEquals(Reason.RESUME_MISMATCH, Harness.ready(storage).reason());
            assertEquals(0, storage.verified().count());
        }
    }

    @Test
    void after_a_crash_every_recorded_piece_is_still_verified() throws Exception {
        Harness harness = new Harness(temp);
        DiskStorage storage = harness.open(torrent);
        Harness.ready(storage);
        torrent.write(storage, List.of(0, 1, 5), 3);
        PieceSet recorded = storage.verified();
        // More work after the last save, half a piece of it: then the process dies.
        torrent.write(storage, List.of(3), 4);
        storage.writeBlock(6, 0, torrent.block(6, 0)).toCompletableFuture().join();
        storage.simulateCrash();

        try (DiskStorage reopened = harness.open(torrent)) {
            CheckResult result = Harness.ready(reopened);
            for (int piece : pieces(recorded)) {
                assertTrue(reopened.verified().has(piece), "piece " + piece + " survived the crash");
            }
            assertTrue(reopened.verified().has(3), "a piece completed before the crash is found");
            assertFalse(reopened.verified().has(6), "half a piece is not a piece");
            assertEquals(Map.of(6, BitSet.valueOf(new long[] {1})), reopened.writtenBlocks(),
                    "but its block written before the crash is known");
            assertEquals(Reason.RECOVERED, result.reason(), "the journal explains the changed files: " + result);
            assertFalse(result.rechecked());
        }
    }

    @Test
    void resume_data_is_saved_periodically_while_running() throws Exception {
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent,
                Harness.OPTIONS.withResumeInterval(Duration.ofMillis(50)))) {
            Harness.ready(storage);
            long savesBefore = storage.stats().resumeSaves();
            // One block: the files change but no piece completes, so only the timer saves.
            storage.writeBlock(2, 0, torrent.block(2, 0)).toCompletableFuture().join();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (storage.stats().resumeSaves() == savesBefore && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(storage.stats().resumeSaves() > savesBefore);
        }
    }

    private static List<Integer> pieces(PieceSet set) {
        List<Integer> pieces = new ArrayList<>();
        for (int i = 0; i < set.pieceCount(); i++) {
            if (set.has(i)) {
                pieces.add(i);
            }
        }
        return pieces;
    }
}
