package dev.shoal.engine.internal;

import static dev.shoal.engine.api.FilePriority.HIGH;
import static dev.shoal.engine.api.FilePriority.NORMAL;
import static dev.shoal.engine.api.FilePriority.SKIP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.metainfo.FileAttribute;
import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.TorrentVersion;
import dev.shoal.peer.api.PiecePriorities;
import dev.shoal.storage.api.PieceSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FileTableTest {

    private static final int PIECE = 100;

    /**
     * Pieces of 100 bytes: a.bin 0..150 (pieces 0, 1), a pad to 200, b.bin 200..250 (piece 2), an
     * empty file, c.bin 250..420 (pieces 2, 3, 4; the last piece is 20 bytes).
     */
    private static Metainfo torrent() {
        List<FileEntry> files = new ArrayList<>();
        files.add(FileEntry.of(List.of("t", "a.bin"), 150, 0));
        files.add(new FileEntry(List.of("t", ".pad", "50"), 50, 150, Set.of(FileAttribute.PADDING), List.of(),
                new byte[0]));
        files.add(FileEntry.of(List.of("t", "b.bin"), 50, 200));
        files.add(FileEntry.of(List.of("t", "empty"), 0, 250));
        files.add(FileEntry.of(List.of("t", "c.bin"), 170, 250));
        int pieces = 5;
        return new Metainfo("t", TorrentVersion.V1, PIECE, pieces, 420, files, false, List.of(), List.of(), false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(InfoHash.v1(new byte[20])), Optional.empty(), new byte[pieces * 20], new byte[] {'d', 'e'},
                List.of());
    }

    private static PieceSet pieces(int... indexes) {
        BitSet bits = new BitSet();
        for (int index : indexes) {
            bits.set(index);
        }
        return PieceSet.of(bits, 5);
    }

    private static byte[] levels(PiecePriorities priorities) {
        byte[] levels = new byte[priorities.pieceCount()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = priorities.level(i);
        }
        return levels;
    }

    @Test
    void files_leave_out_padding_and_count_the_verified_bytes_of_each() {
        FileTable table = new FileTable(torrent());
        assertEquals(4, table.size());
        List<FileStatus> files = table.statuses(pieces(1, 2, 4), table.normal());
        assertEquals(List.of("t/a.bin", "t/b.bin", "t/empty", "t/c.bin"),
                files.stream().map(FileStatus::path).toList());
        assertEquals(List.of(0, 1, 2, 3), files.stream().map(FileStatus::index).toList());
        assertEquals(50, files.get(0).verifiedBytes(), "piece 1 holds a.bin's bytes 100..150");
        assertEquals(50, files.get(1).verifiedBytes());
        assertEquals(0, files.get(2).verifiedBytes());
        assertEquals(1.0, files.get(2).progress(), "an empty file is complete");
        assertEquals(50 + 20, files.get(3).verifiedBytes(), "c.bin's part of piece 2 and the short last piece");
        assertEquals(List.of(150L, 50L, 0L, 170L), table.statuses(pieces(0, 1, 2, 3, 4), table.normal()).stream()
                .map(FileStatus::verifiedBytes).toList());
    }

    @Test
    void a_piece_is_skipped_only_when_every_file_in_it_is_and_high_when_any_is() {
        FileTable table = new FileTable(torrent());
        assertArrayEquals(new byte[] {1, 1, 1, 1, 1}, levels(table.piecePriorities(table.normal())));
        FilePriority[] priorities = {SKIP, HIGH, NORMAL, SKIP};
        assertArrayEquals(new byte[] {0, 0, 2, 0, 0}, levels(table.piecePriorities(priorities)),
                "piece 1 holds a.bin and padding only; piece 2 b.bin and c.bin");
        assertArrayEquals(new byte[] {0, 0, 1, 1, 1},
                levels(table.piecePriorities(new FilePriority[] {SKIP, SKIP, SKIP, NORMAL})));
    }

    @Test
    void complete_means_every_wanted_piece_verified() {
        FileTable table = new FileTable(torrent());
        PiecePriorities onlyA = table.piecePriorities(new FilePriority[] {NORMAL, SKIP, SKIP, SKIP});
        assertTrue(FileTable.complete(pieces(0, 1), onlyA));
        assertFalse(FileTable.complete(pieces(0), onlyA));
        assertFalse(FileTable.complete(pieces(0, 1), table.piecePriorities(table.normal())));
        assertTrue(FileTable.complete(pieces(0, 1, 2, 3, 4), table.piecePriorities(table.normal())));
    }
}
