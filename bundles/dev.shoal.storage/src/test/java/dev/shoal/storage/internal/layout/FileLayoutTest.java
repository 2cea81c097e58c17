package dev.shoal.storage.internal.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shoal.metainfo.FileAttribute;
import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.TorrentVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FileLayoutTest {

    @Test
    void a_range_crossing_three_files_skips_the_empty_one() {
        FileLayout layout = new FileLayout(torrent(100, List.of(40L, 0L, 30L, 0L, 50L), -1));
        assertEquals(List.of(new Span(0, 30, 10, false), new Span(2, 0, 30, false), new Span(4, 0, 20, false)),
                layout.spans(30, 60));
        assertEquals(List.of(new Span(4, 49, 1, false)), layout.spans(119, 1));
        assertEquals(List.of(new Span(2, 0, 1, false)), layout.spans(40, 1), "the empty file shares offset 40");
        assertEquals(List.of(), layout.spans(120, 0));
    }

    @Test
    void pad_files_are_marked() {
        FileLayout layout = new FileLayout(torrent(64, List.of(50L, 14L, 64L), 1));
        assertEquals(List.of(new Span(0, 40, 10, false), new Span(1, 0, 14, true), new Span(2, 0, 10, false)),
                layout.spans(40, 34));
        assertEquals(List.of(new Span(1, 0, 14, true), new Span(2, 0, 50, false)), layout.spans(50, 64));
        assertEquals(List.of(new Span(2, 0, 64, false)), layout.pieceSpans(1, 64), "piece 1 starts after the pad");
    }

    @Test
    void ranges_outside_the_torrent_and_overlapping_files_are_refused() {
        FileLayout layout = new FileLayout(torrent(100, List.of(40L, 60L), -1));
        assertThrows(IllegalArgumentException.class, () -> layout.spans(90, 11));
        assertThrows(IllegalArgumentException.class, () -> layout.spans(-1, 1));
        List<FileEntry> overlapping = List.of(FileEntry.of(List.of("t", "a"), 40, 0),
                FileEntry.of(List.of("t", "b"), 60, 30));
        assertThrows(IllegalArgumentException.class, () -> new FileLayout(metainfo(100, overlapping)));
    }

    static Metainfo torrent(int pieceLength, List<Long> lengths, int padIndex) {
        List<FileEntry> files = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < lengths.size(); i++) {
            files.add(new FileEntry(List.of("t", "f" + i), lengths.get(i), offset,
                    i == padIndex ? Set.of(FileAttribute.PADDING) : Set.of(), List.of(), new byte[0]));
            offset += lengths.get(i);
        }
        return metainfo(pieceLength, files);
    }

    static Metainfo metainfo(int pieceLength, List<FileEntry> files) {
        long total = files.stream().mapToLong(FileEntry::length).sum();
        int pieces = (int) ((total + pieceLength - 1) / pieceLength);
        return new Metainfo("t", TorrentVersion.V1, pieceLength, pieces, total, files, false, List.of(), List.of(),
                false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(InfoHash.v1(new byte[20])), Optional.empty(), new byte[pieces * 20], new byte[1],
                List.of());
    }
}
