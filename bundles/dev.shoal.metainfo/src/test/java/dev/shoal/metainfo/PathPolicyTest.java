package dev.shoal.metainfo;

import static dev.shoal.metainfo.Torrents.file;
import static dev.shoal.metainfo.Torrents.multiInfo;
import static dev.shoal.metainfo.Torrents.padFile;
import static dev.shoal.metainfo.Torrents.singleInfo;
import static dev.shoal.metainfo.Torrents.strings;
import static dev.shoal.metainfo.Torrents.torrent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The parse option that rewrites unsafe paths instead of refusing the torrent. */
class PathPolicyTest {

    static final ParseOptions SANITIZE = ParseOptions.DEFAULT.withPathPolicy(PathPolicy.SANITIZE);

    static List<String> paths(Metainfo m) {
        return m.files().stream().map(FileEntry::relativePath).collect(Collectors.toList());
    }

    @Test
    void sanitizesEachBadComponentWithAWarning() throws Exception {
        Metainfo m = Metainfo.parse(torrent(multiInfo("d",
                file(1, "a", "..", "b"), file(1, "aux.txt"), file(1, "what?"), file(1, "dots..."))), SANITIZE);
        assertEquals(List.of("d/a/_/b", "d/aux_.txt", "d/what_", "d/dots"), paths(m));
        assertEquals(4, m.warnings().size(), m.warnings().toString());
        assertTrue(m.warnings().get(0).startsWith("renamed unsafe file path \"d/a/../b\" to \"d/a/_/b\""),
                m.warnings().get(0));
    }

    @Test
    void sanitizesTheName() throws Exception {
        Metainfo m = Metainfo.parse(torrent(singleInfo("CON", 10)), SANITIZE);
        assertEquals("CON_", m.name());
        assertEquals(List.of("CON_"), m.files().get(0).path());
        assertEquals(1, m.warnings().size());
    }

    @Test
    void renamesCaseInsensitiveDuplicates() throws Exception {
        Metainfo m = Metainfo.parse(torrent(multiInfo("d",
                file(1, "Readme.txt"), file(1, "README.TXT"), file(1, "readme.txt"))), SANITIZE);
        assertEquals(List.of("d/Readme.txt", "d/README_2.TXT", "d/readme_3.txt"), paths(m));
        assertEquals(2, m.warnings().size());
    }

    @Test
    void sanitizingMayCreateDuplicatesWhichAreThenRenamed() throws Exception {
        Metainfo m = Metainfo.parse(torrent(multiInfo("d", file(1, "a?"), file(1, "a*"))), SANITIZE);
        assertEquals(List.of("d/a_", "d/a__2"), paths(m));
    }

    @Test
    void unicodeNormalizationDuplicates() throws Exception {
        // Precomposed and decomposed e-acute: one file on macOS.
        String composed = "caf\u00e9";
        String decomposed = "cafe\u0301";
        ParseOptions reject = ParseOptions.DEFAULT;
        MetainfoValidationTest.rejects(torrent(multiInfo("d", file(1, composed), file(1, decomposed))),
                "two files map to the same path");
        Metainfo m = Metainfo.parse(torrent(multiInfo("d", file(1, composed), file(1, decomposed))), SANITIZE);
        assertEquals("d/cafe\u0301_2", paths(m).get(1));
        assertEquals(PathPolicy.REJECT, reject.pathPolicy());
    }

    @Test
    void fileClashingWithADirectoryIsRenamed() throws Exception {
        Metainfo m = Metainfo.parse(torrent(multiInfo("d", file(1, "a"), file(1, "a", "b"))), SANITIZE);
        assertEquals(List.of("d/a_2", "d/a/b"), paths(m));
    }

    @Test
    void padFilesMayShareAPath() throws Exception {
        Metainfo m = Metainfo.parse(torrent(multiInfo("d",
                file(Torrents.PIECE - 10, "a"), padFile(10), file(Torrents.PIECE - 10, "b"), padFile(10), file(1, "c"))));
        assertEquals(5, m.files().size());
        assertEquals(m.files().get(1).path(), m.files().get(3).path());
    }

    @Test
    void nonUtf8NameIsReplacedWhenSanitizing() throws Exception {
        BDictionary.Builder info = multiInfo("d", 1, BDictionary.builder().put("length", 1)
                .put("path", BList.of(BString.of(new byte[] {'a', (byte) 0xe9}))).build());
        MetainfoValidationTest.rejects(torrent(info), "info.files[0].path[0] is not valid UTF-8");
        Metainfo m = Metainfo.parse(torrent(info), SANITIZE);
        assertEquals(List.of("d", "a\ufffd"), m.files().get(0).path());
        assertEquals(1, m.warnings().size());
    }

    @Test
    void unsafeSymlinkTargetIsRewritten() throws Exception {
        BDictionary link = BDictionary.builder().put("length", 0).put("path", strings("l")).put("attr", "l")
                .put("symlink path", strings("..", "etc")).build();
        Metainfo m = Metainfo.parse(torrent(multiInfo("d", file(5, "a"), link)), SANITIZE);
        assertEquals(List.of("_", "etc"), m.files().get(1).symlinkTarget());
    }
}
