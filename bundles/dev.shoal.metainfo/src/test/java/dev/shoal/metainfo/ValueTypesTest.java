package dev.shoal.metainfo;

import static dev.shoal.metainfo.Torrents.singleInfo;
import static dev.shoal.metainfo.Torrents.torrent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Immutability: arrays and lists are copied in and out. */
class ValueTypesTest {

    @Test
    void metainfoCopiesItsArrays() throws Exception {
        Metainfo m = Metainfo.parse(torrent(singleInfo("x", 50_000)));
        byte[] pieces = m.pieces();
        pieces[0]++;
        m.rawInfo()[0] = 'x';
        m.pieceHash(0)[0]++;
        assertArrayEquals(Metainfo.parse(torrent(singleInfo("x", 50_000))).pieces(), m.pieces());
        assertEquals('d', m.rawInfo()[0]);
        assertThrows(UnsupportedOperationException.class, () -> m.files().add(null));
        assertThrows(UnsupportedOperationException.class, () -> m.trackers().get(0).add("x"));
    }

    @Test
    void fileEntryCopiesItsParts() {
        List<String> path = new ArrayList<>(List.of("a", "b"));
        byte[] root = new byte[32];
        Set<FileAttribute> attributes = EnumSet.of(FileAttribute.HIDDEN);
        FileEntry entry = new FileEntry(path, 10, 0, attributes, List.of(), root);
        path.add("c");
        root[0] = 1;
        attributes.add(FileAttribute.PADDING);
        entry.piecesRoot()[1] = 1;
        assertEquals("a/b", entry.relativePath());
        assertArrayEquals(new byte[32], entry.piecesRoot());
        assertEquals(Set.of(FileAttribute.HIDDEN), entry.attributes());
        assertEquals(10, entry.end());
        assertTrue(entry.piecesRootIfPresent().isPresent());
    }

    @Test
    void fileEntryChecksItsArguments() {
        assertThrows(IllegalArgumentException.class, () -> FileEntry.of(List.of(), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> FileEntry.of(List.of("a"), -1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new FileEntry(List.of("a"), 1, 0, Set.of(), List.of(), new byte[20]));
    }

    @Test
    void createdTorrentCopiesBytes() throws Exception {
        byte[] bytes = torrent(singleInfo("x", 10));
        CreatedTorrent created = new CreatedTorrent(bytes, Metainfo.parse(bytes));
        bytes[0] = 'x';
        created.bytes()[1] = 'x';
        assertEquals('d', created.bytes()[0]);
        assertEquals('8', created.bytes()[1]);
    }

    @Test
    void fileAttributeCodes() {
        assertEquals(FileAttribute.PADDING, FileAttribute.fromCode('p'));
        assertEquals(FileAttribute.SYMLINK, FileAttribute.fromCode('l'));
        assertEquals(null, FileAttribute.fromCode('z'));
    }
}
