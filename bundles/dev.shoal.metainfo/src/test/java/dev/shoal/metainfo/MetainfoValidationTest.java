package dev.shoal.metainfo;

import static dev.shoal.metainfo.Torrents.PIECE;
import static dev.shoal.metainfo.Torrents.file;
import static dev.shoal.metainfo.Torrents.multiInfo;
import static dev.shoal.metainfo.Torrents.singleInfo;
import static dev.shoal.metainfo.Torrents.strings;
import static dev.shoal.metainfo.Torrents.torrent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each way a torrent can be refused, each with a one-line message that names the problem. */
class MetainfoValidationTest {

    /** Parses, expects failure, and checks the message is one line containing {@code expected}. */
    static String rejects(byte[] torrent, String expected) {
        InvalidTorrentException e = assertThrows(InvalidTorrentException.class, () -> Metainfo.parse(torrent));
        String message = e.getMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
        assertTrue(message.contains(expected), "expected \"" + expected + "\" in: " + message);
        return message;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void notBencode() {
        rejects(bytes("d4:infod"), "not a torrent: at byte 8: input ends");
    }

    @Test
    void bencodeErrorKeepsItsOffset() {
        InvalidTorrentException e = assertThrows(InvalidTorrentException.class,
                () -> Metainfo.parse(bytes("d4:info999:abce")));
        assertEquals("not a torrent: at byte 7: string of 999 bytes but only 4 bytes remain", e.getMessage());
    }

    @Test
    void emptyInput() {
        rejects(new byte[0], "not a torrent: at byte 0");
    }

    @Test
    void rootNotADictionary() {
        rejects(bytes("l4:infoe"), "not a torrent: the file is not a bencoded dictionary");
    }

    @Test
    void noInfo() {
        rejects(bytes("d8:announce3:urle"), "not a torrent: there is no info dictionary");
    }

    @Test
    void infoNotADictionary() {
        rejects(bytes("d4:info4:junke"), "info must be a dictionary");
    }

    @Test
    void nameMissing() {
        BDictionary.Builder info = BDictionary.builder().put("length", 10).put("piece length", PIECE)
                .put("pieces", BString.of(new byte[20]));
        rejects(torrent(info), "info.name is missing");
    }

    @Test
    void nameNotAString() {
        rejects(torrent(singleInfo("x", 10).put("name", 5)), "info.name must be a string");
    }

    @Test
    void nameUnsafe() {
        rejects(torrent(singleInfo("..", 10)), "unsafe torrent name \"..\": \"..\" is not allowed");
    }

    @Test
    void nameNotUtf8() {
        rejects(torrent(singleInfo("x", 10).put("name", BString.of(new byte[] {'a', (byte) 0xc3}))),
                "info.name is not valid UTF-8");
    }

    @Test
    void pieceLengthMissing() {
        BDictionary.Builder info = BDictionary.builder().put("name", "x").put("length", 10)
                .put("pieces", BString.of(new byte[20]));
        rejects(torrent(info), "info.piece length is missing");
    }

    @Test
    void pieceLengthZero() {
        rejects(torrent(singleInfo("x", 10).put("piece length", 0)), "info.piece length must be positive, not 0");
    }

    @Test
    void pieceLengthNegative() {
        rejects(torrent(singleInfo("x", 10).put("piece length", -16384)), "info.piece length must be positive");
    }

    @Test
    void pieceLengthHuge() {
        rejects(torrent(singleInfo("x", 10).put("piece length", 1L << 31)), "larger than the 1 GiB");
    }

    @Test
    void pieceLengthNotAnInteger() {
        rejects(torrent(singleInfo("x", 10).put("piece length", "16384")), "info.piece length must be an integer");
    }

    @Test
    void piecesNotMultipleOf20() {
        rejects(torrent(singleInfo("x", 10).put("pieces", BString.of(new byte[21]))),
                "info.pieces has 21 bytes, which is not a multiple of 20");
    }

    @Test
    void piecesCountMismatchNamesBothNumbers() {
        String message = rejects(torrent(singleInfo("x", 100_000).put("pieces", BString.of(new byte[3 * 20]))),
                "info.pieces holds 3 hashes");
        assertTrue(message.contains("need 7"), message);
        assertTrue(message.contains("100000 bytes"), message);
    }

    @Test
    void piecesMissing() {
        BDictionary.Builder info = BDictionary.builder().put("name", "x").put("length", 10).put("piece length", PIECE);
        rejects(torrent(info), "info.pieces is missing");
    }

    @Test
    void lengthAsString() {
        rejects(torrent(singleInfo("x", 10).put("length", "10")), "info.length must be an integer");
    }

    @Test
    void lengthNegative() {
        rejects(torrent(singleInfo("x", 10).put("length", -1)), "info.length must not be negative (-1)");
    }

    @Test
    void lengthHuge() {
        rejects(torrent(singleInfo("x", 10).put("length", Long.MAX_VALUE)), "info.length is " + Long.MAX_VALUE);
    }

    @Test
    void totalBeyond2To53() {
        long big = 1L << 52;
        BDictionary.Builder info = multiInfo("d", 10, file(big, "a"), file(big, "b"), file(big, "c"));
        rejects(torrent(info), "the files add up to more than 2^53 bytes");
    }

    @Test
    void fileLengthAsStringNamesTheKeyPath() {
        BDictionary bad = BDictionary.builder().put("length", "7").put("path", strings("d")).build();
        rejects(torrent(multiInfo("d", 10, file(1, "a"), file(1, "b"), file(1, "c"), bad)),
                "info.files[3].length must be an integer");
    }

    @Test
    void fileEntryNotADictionary() {
        BDictionary.Builder info = multiInfo("d", 1).put("files", BList.of(BInteger.of(1)));
        rejects(torrent(info), "info.files[0] must be a dictionary");
    }

    @Test
    void filePathMissing() {
        BDictionary bad = BDictionary.builder().put("length", 5).build();
        rejects(torrent(multiInfo("d", 5, bad)), "info.files[0].path is missing");
    }

    @Test
    void filePathEmpty() {
        BDictionary bad = BDictionary.builder().put("length", 5).put("path", strings()).build();
        rejects(torrent(multiInfo("d", 5, bad)), "info.files[0].path must not be empty");
    }

    @Test
    void filePathComponentNotAString() {
        BDictionary bad = BDictionary.builder().put("length", 5).put("path", BList.of(BInteger.of(3))).build();
        rejects(torrent(multiInfo("d", 5, bad)), "info.files[0].path[0] must be a string");
    }

    @Test
    void filesEmpty() {
        rejects(torrent(multiInfo("d", 10)), "info.files is empty");
    }

    @Test
    void bothLengthAndFiles() {
        rejects(torrent(multiInfo("d", file(10, "a")).put("length", 10)), "info has both 'length' and 'files'");
    }

    @Test
    void neitherLengthNorFiles() {
        BDictionary.Builder info = BDictionary.builder().put("name", "x").put("piece length", PIECE)
                .put("pieces", BString.of(new byte[20]));
        rejects(torrent(info), "info has neither 'length' nor 'files'");
    }

    @Test
    void neitherV1NorV2() {
        BDictionary.Builder info = BDictionary.builder().put("name", "x").put("piece length", PIECE);
        rejects(torrent(info), "info has neither v1 'pieces' nor a v2 'file tree'");
    }

    @Test
    void emptyTorrent() {
        rejects(torrent(singleInfo("x", 0)), "the torrent holds no data");
    }

    @Test
    void unsafeFilePathNamesThePath() {
        rejects(torrent(multiInfo("d", file(5, "a", "..", "b"))), "unsafe file path \"d/a/../b\": \"..\" is not allowed");
    }

    @Test
    void controlCharacterInMessageIsEscaped() {
        String message = rejects(torrent(multiInfo("d", file(5, "evil\nname"))), "control character U+000A");
        assertTrue(message.contains("evil\\u000aname"), message);
    }

    @Test
    void caseInsensitiveDuplicates() {
        rejects(torrent(multiInfo("d", file(5, "Readme.txt"), file(5, "README.TXT"))),
                "two files map to the same path: \"d/Readme.txt\" and \"d/README.TXT\"");
    }

    @Test
    void fileThatIsAlsoADirectory() {
        rejects(torrent(multiInfo("d", file(5, "a"), file(5, "a", "b"))), "path \"d/a\" is both a file and a directory");
    }

    @Test
    void unsafeSymlinkTarget() {
        BDictionary link = BDictionary.builder().put("length", 0).put("path", strings("l")).put("attr", "l")
                .put("symlink path", strings("..", "etc", "passwd")).build();
        rejects(torrent(multiInfo("d", file(5, "a"), link)), "unsafe symlink target \"../etc/passwd\"");
    }

    @Test
    void symlinkWithoutTarget() {
        BDictionary link = BDictionary.builder().put("length", 0).put("path", strings("l")).put("attr", "l").build();
        rejects(torrent(multiInfo("d", file(5, "a"), link)), "info.files[1].symlink path is missing");
    }

    @Test
    void privateNotAnInteger() {
        rejects(torrent(singleInfo("x", 10).put("private", "1")), "info.private must be an integer");
    }

    @Test
    void trailingGarbage() {
        byte[] good = torrent(singleInfo("x", 10));
        byte[] bad = Arrays.copyOf(good, good.length + 1);
        bad[good.length] = 'x';
        rejects(bad, "trailing bytes");
    }

    @Test
    void duplicateKeysAreRefusedByTheDecoder() {
        rejects(bytes("d4:infod4:name1:a4:name1:bee"), "duplicate dictionary key");
    }

    @Test
    void deepNestingIsBounded() {
        StringBuilder deep = new StringBuilder("d4:info");
        deep.append("l".repeat(300)).append("e".repeat(300)).append('e');
        rejects(bytes(deep.toString()), "nesting deeper than");
    }
}
