package dev.shoal.distribution.it;

import static dev.shoal.distribution.it.Bencode.dict;
import static dev.shoal.distribution.it.Bencode.dictAsGiven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken torrents and magnet links, written by hand: for every one {@code shoal info} must exit
 * with 1, print nothing on stdout and exactly one line on stderr, "shoal: " and a reason, with no
 * trace of a Java exception.
 */
class MalformedTorrentsIT {

    private static final String ANNOUNCE = "http://127.0.0.1:6969/announce";
    private static final int PIECE_LENGTH = 16_384;
    private static final long LENGTH = 40_000; // 3 pieces
    private static final int DEPTH = 10_000;

    @TempDir
    static Path work;

    /** One broken input: a torrent file's bytes, or a magnet link / path given as it is. */
    record Case(String name, byte[] torrent, String argument) {
        static Case file(String name, byte[] bytes) {
            return new Case(name, bytes, null);
        }

        static Case argument(String name, String argument) {
            return new Case(name, null, argument);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        byte[] valid = torrent(singleInfo());

        // Cut short: at the start, inside a key, inside the pieces string, just before the last 'e'.
        int piecesAt = indexOf(valid, "6:pieces".getBytes(StandardCharsets.US_ASCII));
        for (int cut : new int[] {1, 5, valid.length / 2, piecesAt + 20, valid.length - 2, valid.length - 1}) {
            cases.add(Case.file("truncated at byte " + cut + " of " + valid.length, Arrays.copyOf(valid, cut)));
        }
        cases.add(Case.file("empty file", new byte[0]));
        Random random = new Random(20240601);
        byte[] garbage = new byte[4096];
        random.nextBytes(garbage);
        cases.add(Case.file("random garbage", garbage));
        byte[] dGarbage = garbage.clone();
        dGarbage[0] = 'd';
        cases.add(Case.file("random garbage after 'd'", dGarbage));
        cases.add(Case.file("trailing bytes after the dictionary", Bencode.concat(valid, bytes("xyz"))));
        cases.add(Case.file("two torrents in one file", Bencode.concat(valid, valid)));

        // The top level and the info dictionary of the wrong type, or missing.
        cases.add(Case.file("top level is a list", Bencode.encode(List.of(ANNOUNCE, singleInfo()))));
        cases.add(Case.file("top level is an integer", bytes("i42e")));
        cases.add(Case.file("top level is a string", bytes("8:announce")));
        cases.add(Case.file("info is a list", torrent(List.of("name", "a.bin"))));
        cases.add(Case.file("info is a string", torrent("4:name")));
        cases.add(Case.file("info is missing", Bencode.encode(dict("announce", ANNOUNCE))));

        // Fields of the wrong type, missing, or both of two that exclude each other.
        cases.add(Case.file("length is a string", torrent(singleInfo("length", "40000"))));
        cases.add(Case.file("piece length is a string", torrent(singleInfo("piece length", "16384"))));
        cases.add(Case.file("name is an integer", torrent(singleInfo("name", 7L))));
        cases.add(Case.file("pieces is an integer", torrent(singleInfo("pieces", 0L))));
        cases.add(Case.file("pieces is a list", torrent(singleInfo("pieces", List.of(new byte[20], new byte[20])))));
        cases.add(Case.file("name is missing", torrent(singleInfo("name", null))));
        cases.add(Case.file("piece length is missing", torrent(singleInfo("piece length", null))));
        cases.add(Case.file("pieces is missing", torrent(singleInfo("pieces", null))));
        cases.add(Case.file("neither length nor files", torrent(singleInfo("length", null))));
        cases.add(Case.file("both length and files", torrent(singleInfo("files", List.of(file(LENGTH, "a.bin"))))));
        cases.add(Case.file("files is a dictionary", torrent(multiInfo(dict("path", List.of("a"), "length", 1L)))));
        cases.add(Case.file("file length is a string",
                torrent(multiInfo(List.of(dict("length", "10", "path", List.of("a")))))));
        cases.add(Case.file("file path is a string", torrent(multiInfo(List.of(dict("length", 10L, "path", "a/b"))))));
        cases.add(Case.file("file path element is an integer",
                torrent(multiInfo(List.of(dict("length", 10L, "path", List.of("a", 5L)))))));
        cases.add(Case.file("file path is an empty list", torrent(multiInfo(List.of(file(10))))));
        cases.add(Case.file("file path element is empty", torrent(multiInfo(List.of(file(10, "a", ""))))));

        // Numbers out of range or not canonical.
        cases.add(Case.file("negative length", torrent(singleInfo("length", -LENGTH))));
        cases.add(Case.file("negative file length", torrent(multiInfo(List.of(file(-10, "a"), file(20, "b"))))));
        cases.add(Case.file("negative piece length", torrent(singleInfo("piece length", (long) -PIECE_LENGTH))));
        cases.add(Case.file("zero piece length", torrent(singleInfo("piece length", 0L))));
        cases.add(Case.file("length above 2^53", torrent(singleInfo("length", (1L << 53) + 1))));
        cases.add(Case.file("length above 2^63",
                torrent(singleInfo("length", Bencode.Raw.of("i9223372036854775808e")))));
        cases.add(Case.file("length of 30 digits",
                torrent(singleInfo("length", Bencode.Raw.of("i123456789012345678901234567890e")))));
        cases.add(Case.file("files adding up past 2^63", torrent(multiInfo(List.of(
                file(Long.MAX_VALUE, "a"), file(Long.MAX_VALUE, "b"), file(10, "c"))))));
        cases.add(Case.file("length with a leading zero", torrent(singleInfo("length", Bencode.Raw.of("i040000e")))));
        cases.add(Case.file("negative zero", torrent(singleInfo("private", Bencode.Raw.of("i-0e")))));
        cases.add(Case.file("string length above 2^63",
                Bencode.concat(bytes("d8:announce99999999999999999999:"), bytes(ANNOUNCE), bytes("e"))));
        cases.add(Case.file("string longer than the file", bytes("d8:announce1000:http://x/e")));

        // Structure.
        cases.add(Case.file(DEPTH + "-deep lists as the whole file", nested(DEPTH)));
        cases.add(Case.file(DEPTH + "-deep lists inside info",
                torrent(singleInfo("x-deep", new Bencode.Raw(nested(DEPTH))))));
        cases.add(Case.file("dictionary key is an integer",
                Bencode.concat(bytes("d8:announce"), Bencode.encode(ANNOUNCE), bytes("i1e4:infoe"))));
        cases.add(Case.file("duplicate key in info", torrent(new Bencode.Raw(Bencode.concat(
                bytes("d6:lengthi40000e6:lengthi40000e"), tail(Bencode.encode(singleInfo("length", null))))))));

        // Paths that would leave the download folder or cannot be created everywhere.
        cases.add(Case.file("path climbs with ..", torrent(multiInfo(List.of(file(10, "..", "..", "etc", "passwd"))))));
        cases.add(Case.file("path climbs in the middle", torrent(multiInfo(List.of(file(10, "a", "..", "..", "b"))))));
        cases.add(Case.file("absolute path element /etc/passwd", torrent(multiInfo(List.of(file(10, "/etc/passwd"))))));
        cases.add(Case.file("path element with backslashes", torrent(multiInfo(List.of(file(10, "..\\..\\x"))))));
        cases.add(Case.file("single-file name ../escape.bin", torrent(singleInfo("name", "../escape.bin"))));
        cases.add(Case.file("single-file name /etc/passwd", torrent(singleInfo("name", "/etc/passwd"))));
        cases.add(Case.file("torrent name ..", torrent(multiInfo(List.of(file(10, "a")), "name", ".."))));
        cases.add(Case.file("Windows device name CON", torrent(multiInfo(List.of(file(10, "CON"))))));
        cases.add(Case.file("Windows device name aux.txt", torrent(multiInfo(List.of(file(10, "dir", "aux.txt"))))));
        cases.add(Case.file("Windows device name NUL as the name", torrent(singleInfo("name", "NUL"))));
        cases.add(Case.file("file name with a trailing dot", torrent(multiInfo(List.of(file(10, "file."))))));
        cases.add(Case.file("directory name with a trailing dot", torrent(multiInfo(List.of(file(10, "dir.", "x"))))));
        cases.add(Case.file("single-file name with a trailing dot", torrent(singleInfo("name", "a.bin."))));

        // Pieces that do not match the length.
        cases.add(Case.file("pieces too short", torrent(singleInfo("pieces", new byte[20]))));
        cases.add(Case.file("pieces too long", torrent(singleInfo("pieces", new byte[80]))));
        cases.add(Case.file("pieces not a multiple of 20", torrent(singleInfo("pieces", new byte[59]))));
        cases.add(Case.file("pieces empty", torrent(singleInfo("pieces", new byte[0]))));
        cases.add(Case.file("multi-file pieces too long", torrent(multiInfo(List.of(file(10, "a")), "pieces", new byte[40]))));

        // Magnet links, and arguments that are not torrents at all.
        String hex = "0123456789abcdef0123456789abcdef01234567";
        cases.add(Case.argument("magnet without xt", "magnet:?dn=x"));
        cases.add(Case.argument("magnet with nothing", "magnet:"));
        cases.add(Case.argument("magnet with bad hex", "magnet:?xt=urn:btih:" + hex.replace('a', 'z')));
        cases.add(Case.argument("magnet with 39 hex digits", "magnet:?xt=urn:btih:" + hex.substring(1)));
        cases.add(Case.argument("magnet with 41 hex digits", "magnet:?xt=urn:btih:" + hex + "0"));
        cases.add(Case.argument("magnet with an empty btih", "magnet:?xt=urn:btih:&dn=x"));
        cases.add(Case.argument("magnet with bad base32", "magnet:?xt=urn:btih:" + "1".repeat(32)));
        cases.add(Case.argument("magnet with a short btmh", "magnet:?xt=urn:btmh:1220" + hex));
        cases.add(Case.argument("magnet with bad percent-encoding", "magnet:?xt=urn:btih:" + hex + "&dn=%zz"));
        cases.add(Case.argument("file that does not exist", work.resolve("no-such.torrent").toString()));
        cases.add(Case.argument("a directory", work.toString()));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedWithOneLine(Case broken) throws IOException {
        String argument = broken.argument();
        if (broken.torrent() != null) {
            Path file = Files.createTempFile(work, "case-", ".torrent");
            Files.write(file, broken.torrent());
            argument = file.toString();
        }
        Shoal shoal = new Shoal(Files.createTempDirectory(work, "shoal-"));
        Shoal.assertOneLineError(shoal.run("info", argument));
    }

    /** A valid single-file info dictionary; key/value pairs replace its entries, a null value removes one. */
    private static Map<String, Object> singleInfo(Object... overrides) {
        Map<String, Object> info = new LinkedHashMap<>(dict(
                "length", LENGTH,
                "name", "a.bin",
                "piece length", (long) PIECE_LENGTH,
                "pieces", new byte[60]));
        return override(info, overrides);
    }

    /** A multi-file info dictionary named "dir" with {@code files} (one piece's worth of hashes). */
    private static Map<String, Object> multiInfo(Object files, Object... overrides) {
        Map<String, Object> info = new LinkedHashMap<>(dict(
                "files", files,
                "name", "dir",
                "piece length", (long) PIECE_LENGTH,
                "pieces", new byte[20]));
        return override(info, overrides);
    }

    private static Map<String, Object> override(Map<String, Object> info, Object... overrides) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.putAll(info);
        for (int i = 0; i < overrides.length; i += 2) {
            all.put((String) overrides[i], overrides[i + 1]);
        }
        all.values().removeIf(v -> v == null);
        List<Object> pairs = new ArrayList<>();
        all.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        return dict(pairs.toArray());
    }

    private static Map<String, Object> file(long length, String... path) {
        return dict("length", length, "path", List.of((Object[]) path));
    }

    private static byte[] torrent(Object info) {
        return Bencode.encode(dictAsGiven("announce", ANNOUNCE, "info", info));
    }

    private static byte[] nested(int depth) {
        byte[] bytes = new byte[2 * depth];
        Arrays.fill(bytes, 0, depth, (byte) 'l');
        Arrays.fill(bytes, depth, 2 * depth, (byte) 'e');
        return bytes;
    }

    /** {@code dictionary} without its leading 'd'. */
    private static byte[] tail(byte[] dictionary) {
        return Arrays.copyOfRange(dictionary, 1, dictionary.length);
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
