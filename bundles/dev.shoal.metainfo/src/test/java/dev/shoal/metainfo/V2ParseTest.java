package dev.shoal.metainfo;

import static dev.shoal.metainfo.MetainfoValidationTest.rejects;
import static dev.shoal.metainfo.Torrents.PIECE;
import static dev.shoal.metainfo.Torrents.dir;
import static dev.shoal.metainfo.Torrents.file;
import static dev.shoal.metainfo.Torrents.leaf;
import static dev.shoal.metainfo.Torrents.multiInfo;
import static dev.shoal.metainfo.Torrents.padFile;
import static dev.shoal.metainfo.Torrents.singleInfo;
import static dev.shoal.metainfo.Torrents.torrent;
import static dev.shoal.metainfo.Torrents.v2Info;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BEP 52 shapes: file trees, pieces roots, piece layers, and hybrids. Shapes only, no data. */
class V2ParseTest {

    static BDictionary albumTree() {
        return dir("a.txt", leaf(100_000, (byte) 1), "sub", dir("b.bin", leaf(5, (byte) 2)), "zero", leaf(0, (byte) 0));
    }

    static BDictionary.Builder hybridInfo(BDictionary tree, BDictionary... v1Files) {
        BDictionary.Builder info = multiInfo("album", v1Files);
        v2Info("album", tree).build().entries().forEach(info::put);
        return info;
    }

    static BDictionary.Builder layers(Map<Byte, Integer> sizes) {
        BDictionary.Builder layers = BDictionary.builder();
        sizes.forEach((fill, size) -> {
            byte[] root = new byte[32];
            Arrays.fill(root, fill);
            layers.put(BString.of(root), BString.of(new byte[size]));
        });
        return BDictionary.builder().put("piece layers", layers.build());
    }

    @Test
    void multiFileV2() throws Exception {
        byte[] torrent = torrent(v2Info("album", albumTree()));
        Metainfo m = Metainfo.parse(torrent);
        assertEquals(TorrentVersion.V2, m.version());
        assertEquals(3, m.files().size());
        assertEquals(List.of("album", "a.txt"), m.files().get(0).path());
        assertEquals(List.of("album", "sub", "b.bin"), m.files().get(1).path());
        assertEquals(List.of("album", "zero"), m.files().get(2).path());
        // Each file starts on a piece boundary in a v2 torrent.
        assertEquals(0, m.files().get(0).offset());
        assertEquals(7L * PIECE, m.files().get(1).offset());
        assertEquals(8L * PIECE, m.files().get(2).offset());
        assertEquals(100_005, m.totalLength());
        assertEquals(8, m.pieceCount());
        byte[] expectedRoot = new byte[32];
        Arrays.fill(expectedRoot, (byte) 1);
        assertArrayEquals(expectedRoot, m.files().get(0).piecesRoot());
        assertTrue(m.files().get(2).piecesRootIfPresent().isEmpty());
        assertTrue(m.infoHashV1().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> m.pieceHash(0));
        // Piece layers are missing, which peers can make up for.
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("piece layers are missing for 1 files")),
                m.warnings().toString());
    }

    @Test
    void v2HashIsSha256OfInfoBytes() throws Exception {
        Metainfo m = Metainfo.parse(torrent(v2Info("album", albumTree())));
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(m.rawInfo());
        assertArrayEquals(expected, m.infoHashV2().orElseThrow().bytes());
        assertEquals(m.infoHashV2().get(), m.infoHash());
        assertEquals(32, m.infoHash().bytes().length);
    }

    @Test
    void singleFileV2() throws Exception {
        Metainfo m = Metainfo.parse(torrent(v2Info("f.bin", dir("f.bin", leaf(40_000, (byte) 3)))));
        assertTrue(m.singleFile());
        assertEquals(List.of("f.bin"), m.files().get(0).path());
        assertEquals(3, m.pieceCount());
    }

    @Test
    void correctPieceLayersGiveNoWarning() throws Exception {
        Metainfo m = Metainfo.parse(torrent(layers(Map.of((byte) 1, 7 * 32)), v2Info("album", albumTree())));
        assertEquals(List.of(), m.warnings());
    }

    @Test
    void pieceLayerOfWrongSize() {
        rejects(torrent(layers(Map.of((byte) 1, 32)), v2Info("album", albumTree())),
                "piece layers entry for \"album/a.txt\" is 32 bytes but its 7 pieces need 224 bytes");
    }

    @Test
    void hybrid() throws Exception {
        BDictionary.Builder info = hybridInfo(albumTree(),
                file(100_000, "a.txt"), padFile(7L * PIECE - 100_000), file(5, "sub", "b.bin"), file(0, "zero"));
        Metainfo m = Metainfo.parse(torrent(info));
        assertEquals(TorrentVersion.HYBRID, m.version());
        assertTrue(m.infoHashV1().isPresent());
        assertTrue(m.infoHashV2().isPresent());
        assertEquals(4, m.files().size());
        assertTrue(m.files().get(1).isPadding());
        assertEquals(7L * PIECE, m.files().get(2).offset());
        assertEquals(7L * PIECE + 5, m.totalLength());
        assertEquals(8, m.pieceCount());
        byte[] root = new byte[32];
        Arrays.fill(root, (byte) 2);
        assertArrayEquals(root, m.files().get(2).piecesRoot());
        assertEquals(0, m.files().get(1).piecesRoot().length);
    }

    @Test
    void hybridWithDifferentLengths() {
        BDictionary.Builder info = hybridInfo(albumTree(),
                file(100_000, "a.txt"), padFile(7L * PIECE - 100_000), file(6, "sub", "b.bin"), file(0, "zero"));
        rejects(torrent(info), "hybrid torrent's v1 and v2 file lists differ: file 1 is \"sub/b.bin\" (6 bytes) in v1"
                + " but \"sub/b.bin\" (5 bytes) in v2");
    }

    @Test
    void hybridWithDifferentNames() {
        BDictionary.Builder info = hybridInfo(albumTree(),
                file(100_000, "a.txt"), padFile(7L * PIECE - 100_000), file(5, "sub", "c.bin"), file(0, "zero"));
        rejects(torrent(info), "hybrid torrent's v1 and v2 file lists differ: file 1 is \"sub/c.bin\"");
    }

    @Test
    void hybridWithDifferentFileCounts() {
        BDictionary.Builder info = hybridInfo(albumTree(), file(100_000, "a.txt"));
        rejects(torrent(info), "hybrid torrent's v1 and v2 file lists differ: v1 has 1 files and v2 has 3");
    }

    @Test
    void hybridWithoutPadding() {
        BDictionary.Builder info = hybridInfo(albumTree(), file(100_000, "a.txt"), file(5, "sub", "b.bin"), file(0, "zero"));
        rejects(torrent(info), "hybrid torrent's file \"sub/b.bin\" does not start on a piece boundary (offset 100000)");
    }

    @Test
    void metaVersionMustBe2() {
        rejects(torrent(v2Info("album", albumTree()).put("meta version", 3)), "info.meta version must be 2, not 3");
    }

    @Test
    void metaVersionWithoutFileTree() {
        BDictionary.Builder info = singleInfo("x", 10).put("meta version", 2);
        rejects(torrent(info), "info.file tree is missing");
    }

    @Test
    void fileTreeWithoutMetaVersion() {
        BDictionary.Builder info = BDictionary.builder().put("name", "album").put("piece length", PIECE)
                .put("file tree", albumTree());
        rejects(torrent(info), "info.meta version is missing");
    }

    @Test
    void piecesRootOfWrongLength() {
        BDictionary leaf = BDictionary.builder().put("", BDictionary.builder().put("length", 10)
                .put("pieces root", BString.of(new byte[20])).build()).build();
        rejects(torrent(v2Info("album", dir("a.txt", leaf))),
                "info.file tree[\"a.txt\"].pieces root must be 32 bytes, not 20");
    }

    @Test
    void piecesRootMissing() {
        BDictionary leaf = BDictionary.builder().put("", BDictionary.builder().put("length", 10).build()).build();
        rejects(torrent(v2Info("album", dir("a.txt", leaf))), "info.file tree[\"a.txt\"].pieces root is missing");
    }

    @Test
    void v2LengthAsString() {
        BDictionary leaf = BDictionary.builder().put("", BDictionary.builder().put("length", "10").build()).build();
        rejects(torrent(v2Info("album", dir("d", dir("a.txt", leaf)))),
                "info.file tree[\"d/a.txt\"].length must be an integer");
    }

    @Test
    void v2PieceLengthMustBePowerOfTwoOfAtLeast16KiB() {
        rejects(torrent(v2Info("album", albumTree()).put("piece length", 8192)),
                "info.piece length must be a power of two of at least 16 KiB in a v2 torrent, not 8192");
        rejects(torrent(v2Info("album", albumTree()).put("piece length", 3 * PIECE)), "power of two");
    }

    @Test
    void nodeThatIsFileAndDirectory() {
        BDictionary both = BDictionary.builder().put("", BDictionary.builder().put("length", 0).build())
                .put("child", leaf(1, (byte) 1)).build();
        rejects(torrent(v2Info("album", dir("x", both))), "info.file tree[\"x\"] is both a file and a directory");
    }

    @Test
    void nodeNotADictionary() {
        rejects(torrent(v2Info("album", dir("x", BString.of("oops")))), "info.file tree[\"x\"] must be a dictionary");
    }

    @Test
    void leafNotADictionary() {
        BDictionary bad = BDictionary.builder().put("", (BValue) BString.of("oops")).build();
        rejects(torrent(v2Info("album", dir("x", bad))), "info.file tree[\"x\"][\"\"] must be a dictionary");
    }

    @Test
    void emptyFileTree() {
        rejects(torrent(v2Info("album", dir())), "info.file tree is empty");
    }

    @Test
    void fileTreeDepthIsBounded() {
        BDictionary node = leaf(1, (byte) 1);
        for (int i = 0; i < 130; i++) {
            node = dir("d", node);
        }
        rejects(torrent(v2Info("album", node)), "info.file tree nests deeper than 128 directories");
    }

    @Test
    void unsafeNameInFileTree() {
        rejects(torrent(v2Info("album", dir("..", dir("x", leaf(1, (byte) 1))))),
                "unsafe file path \"album/../x\": \"..\" is not allowed");
    }
}
