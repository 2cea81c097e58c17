package dev.shoal.metainfo;

import static dev.shoal.metainfo.Torrents.PIECE;
import static dev.shoal.metainfo.Torrents.file;
import static dev.shoal.metainfo.Torrents.multiInfo;
import static dev.shoal.metainfo.Torrents.singleInfo;
import static dev.shoal.metainfo.Torrents.strings;
import static dev.shoal.metainfo.Torrents.torrent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BencodeDecoder;
import dev.shoal.bencode.DecoderLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetainfoParseTest {

    @Test
    void singleFileTorrent() throws Exception {
        Metainfo m = Metainfo.parse(torrent(singleInfo("ubuntu.iso", 100_000)));
        assertEquals("ubuntu.iso", m.name());
        assertEquals(TorrentVersion.V1, m.version());
        assertTrue(m.singleFile());
        assertEquals(PIECE, m.pieceLength());
        assertEquals(7, m.pieceCount());
        assertEquals(100_000, m.totalLength());
        assertEquals(List.of(FileEntry.of(List.of("ubuntu.iso"), 100_000, 0)), m.files());
        assertEquals(List.of(List.of("http://tracker.example/announce")), m.trackers());
        assertFalse(m.isPrivate());
        assertTrue(m.infoHashV1().isPresent());
        assertTrue(m.infoHashV2().isEmpty());
        assertEquals(m.infoHashV1().get(), m.infoHash());
        assertEquals(List.of(), m.warnings());
        assertEquals(100_000 - 6 * PIECE, m.pieceSize(6));
        assertEquals(PIECE, m.pieceSize(0));
    }

    @Test
    void multiFileTorrentHasOffsetsAndFullPaths() throws Exception {
        Metainfo m = Metainfo.parse(torrent(multiInfo("album",
                file(1000, "cd1", "01.flac"), file(0, "empty.txt"), file(20_000, "cd2", "01.flac"))));
        assertFalse(m.singleFile());
        assertEquals(3, m.files().size());
        assertEquals(List.of("album", "cd1", "01.flac"), m.files().get(0).path());
        assertEquals("album/cd2/01.flac", m.files().get(2).relativePath());
        assertEquals(0, m.files().get(0).offset());
        assertEquals(1000, m.files().get(1).offset());
        assertEquals(1000, m.files().get(2).offset());
        assertEquals(21_000, m.totalLength());
        assertEquals(2, m.pieceCount());
    }

    @Test
    void padFilesCountInOffsetsAndTotal() throws Exception {
        Metainfo m = Metainfo.parse(torrent(multiInfo("d",
                file(1000, "a"), Torrents.padFile(PIECE - 1000), file(5, "b"))));
        assertTrue(m.files().get(1).isPadding());
        assertEquals(PIECE, m.files().get(2).offset());
        assertEquals(PIECE + 5, m.totalLength());
    }

    @Test
    void infoHashIsSha1OfTheExactInfoBytes() throws Exception {
        byte[] torrent = torrent(singleInfo("a.bin", 12345).put("private", 1));
        byte[] info = new BencodeDecoder().decode(torrent).value() instanceof BDictionary d
                ? d.get("info").orElseThrow().rawBytes() : null;
        byte[] expected = MessageDigest.getInstance("SHA-1").digest(info);
        Metainfo m = Metainfo.parse(torrent);
        assertArrayEquals(expected, m.infoHashV1().orElseThrow().bytes());
        assertArrayEquals(info, m.rawInfo());
        assertTrue(m.isPrivate());
    }

    @Test
    void knownTorrentHasKnownHash() throws Exception {
        // Written out by hand so the expected hash does not depend on the encoder.
        String info = "d6:lengthi5e4:name5:a.txt12:piece lengthi16384e6:pieces20:ABCDEFGHIJKLMNOPQRSTe";
        byte[] torrent = ("d8:announce4:http4:info" + info + "e").getBytes(StandardCharsets.US_ASCII);
        String expected = hex(MessageDigest.getInstance("SHA-1").digest(info.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(expected, Metainfo.parse(torrent).infoHashV1().orElseThrow().hex());
    }

    @Test
    void unsortedKeysKeepTheHashOfTheOriginalBytes() throws Exception {
        // 'name' before 'length': not canonical. Re-encoding would sort them and change the hash.
        String info = "d4:name5:a.txt6:lengthi5e12:piece lengthi16384e6:pieces20:ABCDEFGHIJKLMNOPQRSTe";
        byte[] torrent = ("d4:info" + info + "e").getBytes(StandardCharsets.US_ASCII);
        Metainfo m = Metainfo.parse(torrent);
        byte[] original = MessageDigest.getInstance("SHA-1").digest(info.getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(original, m.infoHashV1().orElseThrow().bytes());
        assertEquals(1, m.warnings().size());
        assertTrue(m.warnings().get(0).contains("not sorted"), m.warnings().get(0));
        // Written back, the info dictionary stays as it was.
        assertEquals(m.infoHashV1(), Metainfo.parse(m.toBytes()).infoHashV1());
    }

    @Test
    void announceListWinsOverAnnounceAndIsCleanedUp() throws Exception {
        BDictionary.Builder root = BDictionary.builder()
                .put("announce", "http://ignored/announce")
                .put("announce-list", BList.of(
                        strings("http://a/1", "http://b/1"),
                        strings(),
                        strings("http://a/1", " http://c/1 ", ""),
                        strings("udp://d:80")));
        Metainfo m = Metainfo.parse(torrent(root, singleInfo("x", 10)));
        assertEquals(List.of(List.of("http://a/1", "http://b/1"), List.of("http://c/1"), List.of("udp://d:80")),
                m.trackers());
    }

    @Test
    void emptyAnnounceListFallsBackToAnnounce() throws Exception {
        BDictionary.Builder root = BDictionary.builder()
                .put("announce", "http://only/announce")
                .put("announce-list", BList.of(strings()));
        assertEquals(List.of(List.of("http://only/announce")), Metainfo.parse(torrent(root, singleInfo("x", 10))).trackers());
    }

    @Test
    void noTrackersAtAll() throws Exception {
        Metainfo m = Metainfo.parse(torrent(BDictionary.builder(), singleInfo("x", 10)));
        assertEquals(List.of(), m.trackers());
    }

    @Test
    void webSeedsAsStringOrList() throws Exception {
        Metainfo one = Metainfo.parse(torrent(BDictionary.builder().put("url-list", "http://seed/"), singleInfo("x", 10)));
        assertEquals(List.of("http://seed/"), one.webSeeds());
        Metainfo many = Metainfo.parse(torrent(BDictionary.builder()
                .put("url-list", strings("http://a/", "http://b/", "http://a/", "")), singleInfo("x", 10)));
        assertEquals(List.of("http://a/", "http://b/"), many.webSeeds());
    }

    @Test
    void descriptiveFields() throws Exception {
        BDictionary.Builder root = BDictionary.builder()
                .put("comment", "hello")
                .put("created by", "mktorrent 1.1")
                .put("creation date", 1_700_000_000L);
        Metainfo m = Metainfo.parse(torrent(root, singleInfo("x", 10).put("source", "TRK")));
        assertEquals(Optional.of("hello"), m.comment());
        assertEquals(Optional.of("mktorrent 1.1"), m.createdBy());
        assertEquals(Optional.of(Instant.ofEpochSecond(1_700_000_000L)), m.creationDate());
        assertEquals(Optional.of("TRK"), m.source());
    }

    @Test
    void oddOuterFieldsAreWarningsNotErrors() throws Exception {
        BDictionary.Builder root = BDictionary.builder()
                .put("announce", 42)
                .put("announce-list", "http://flat")
                .put("comment", 7)
                .put("creation date", "yesterday")
                .put("url-list", 3);
        Metainfo m = Metainfo.parse(torrent(root, singleInfo("x", 10)));
        assertEquals(List.of(), m.trackers());
        assertEquals(Optional.empty(), m.comment());
        assertEquals(Optional.empty(), m.creationDate());
        assertEquals(5, m.warnings().size(), m.warnings().toString());
    }

    @Test
    void nonPowerOfTwoPieceLengthIsAWarningForV1() throws Exception {
        BDictionary.Builder info = BDictionary.builder().put("name", "x").put("length", 100_000)
                .put("piece length", 30_000).put("pieces", BString.of(new byte[4 * 20]));
        Metainfo m = Metainfo.parse(torrent(info));
        assertEquals(4, m.pieceCount());
        assertTrue(m.warnings().get(0).contains("not a power of two"), m.warnings().toString());
    }

    @Test
    void privateFlagOtherThanOneIsStillPrivate() throws Exception {
        Metainfo m = Metainfo.parse(torrent(singleInfo("x", 10).put("private", 2)));
        assertTrue(m.isPrivate());
        assertEquals(1, m.warnings().size());
        assertFalse(Metainfo.parse(torrent(singleInfo("x", 10).put("private", 0))).isPrivate());
    }

    @Test
    void pieceHashesAreSlicesOfPieces() throws Exception {
        byte[] pieces = Torrents.pieces(50_000, PIECE);
        Metainfo m = Metainfo.parse(torrent(singleInfo("x", 50_000)));
        for (int i = 0; i < m.pieceCount(); i++) {
            assertArrayEquals(Arrays.copyOfRange(pieces, i * 20, i * 20 + 20), m.pieceHash(i));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> m.pieceHash(m.pieceCount()));
        assertArrayEquals(pieces, m.pieces());
    }

    @Test
    void utf8VariantsWinWhenValid() throws Exception {
        BDictionary.Builder info = multiInfo("fallback",
                BDictionary.builder().put("length", 10).put("path", strings("old"))
                        .put("path.utf-8", strings("caf\u00e9.txt")).build())
                .put("name.utf-8", "m\u00fcsik");
        Metainfo m = Metainfo.parse(torrent(info));
        assertEquals("m\u00fcsik", m.name());
        assertEquals(List.of("m\u00fcsik", "caf\u00e9.txt"), m.files().get(0).path());
    }

    @Test
    void invalidUtf8VariantIsIgnoredWithAWarning() throws Exception {
        BDictionary.Builder info = singleInfo("good", 10).put("name.utf-8", BString.of(new byte[] {(byte) 0xff}));
        Metainfo m = Metainfo.parse(torrent(info));
        assertEquals("good", m.name());
        assertEquals(1, m.warnings().size());
    }

    @Test
    void bep47AttributesAndSymlinks() throws Exception {
        BDictionary link = BDictionary.builder().put("length", 0).put("path", strings("link"))
                .put("attr", "l").put("symlink path", strings("dir", "target")).build();
        BDictionary exe = BDictionary.builder().put("length", 10).put("path", strings("run.sh"))
                .put("attr", "xhz").build();
        Metainfo m = Metainfo.parse(torrent(multiInfo("d", exe, link)));
        assertEquals(Set.of(FileAttribute.EXECUTABLE, FileAttribute.HIDDEN), m.files().get(0).attributes());
        assertEquals(Set.of(FileAttribute.SYMLINK), m.files().get(1).attributes());
        assertEquals(List.of("dir", "target"), m.files().get(1).symlinkTarget());
    }

    @Test
    void writtenBackTorrentParsesToTheSame() throws Exception {
        BDictionary.Builder root = BDictionary.builder()
                .put("announce-list", BList.of(strings("http://a/1", "http://b/1"), strings("http://c/1")))
                .put("url-list", strings("http://s/1", "http://s/2"))
                .put("comment", "c")
                .put("created by", "me")
                .put("creation date", 1_600_000_000L);
        Metainfo m = Metainfo.parse(torrent(root, multiInfo("d", file(5, "a"), file(7, "b", "c"))));
        Metainfo again = Metainfo.parse(m.toBytes());
        assertEquals(m, again);
        assertEquals(m.trackers(), again.trackers());
        assertEquals(m.infoHash(), again.infoHash());
    }

    @Test
    void magnetLinkFromMetainfo() throws Exception {
        Metainfo m = Metainfo.parse(torrent(singleInfo("x y", 10)));
        MagnetLink link = m.toMagnetLink();
        assertEquals(m.infoHashV1(), link.infoHashV1());
        assertEquals(Optional.of("x y"), link.displayName());
        assertEquals(List.of("http://tracker.example/announce"), link.trackers());
        assertEquals(link, MagnetLink.parse(link.toString()));
    }

    @Test
    void decoderLimitsOverload() {
        byte[] torrent = torrent(singleInfo("x", 10));
        DecoderLimits tiny = new DecoderLimits(16, 8, 16, 100);
        InvalidTorrentException e = assertThrows(InvalidTorrentException.class, () -> Metainfo.parse(torrent, tiny));
        assertTrue(e.getMessage().startsWith("not a torrent: at byte 0: input of"), e.getMessage());
    }

    @Test
    void differentTorrentsAreNotEqual() throws Exception {
        assertNotEquals(Metainfo.parse(torrent(singleInfo("x", 10))), Metainfo.parse(torrent(singleInfo("x", 11))));
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }
}
