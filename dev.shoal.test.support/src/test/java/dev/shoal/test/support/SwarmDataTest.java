package dev.shoal.test.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SwarmDataTest {

    @Test
    void defaultLayoutIsAbout256MiBOfOddSizesWithAnEmptyFileThreeDeep() {
        List<SwarmData.FileSpec> layout = SwarmData.defaultLayout();

        assertEquals(SwarmData.DEFAULT_SIZE, layout.stream().mapToLong(SwarmData.FileSpec::size).sum());
        assertTrue(layout.size() >= 8 && layout.size() <= 10, layout::toString);
        assertEquals(1, layout.stream().filter(file -> file.size() == 0).count(), layout::toString);
        assertTrue(layout.stream().anyMatch(file -> file.path().split("/").length == 3), layout::toString);
        for (SwarmData.FileSpec file : layout) {
            assertTrue(file.size() == 0 || file.size() % (16 << 10) != 0, file::toString);
        }
    }

    @Test
    void sameSeedSameBytesAndADamagedByteIsFoundAtItsOffset() {
        try (SwarmData one = SwarmData.generate(3 << 20); SwarmData two = SwarmData.generate(3 << 20)) {
            assertEquals(Optional.empty(), SwarmData.firstDifference(one.content(), two.content(),
                    SwarmData.Compare.EXACT));

            SwarmData.damage(two.content().resolve("disc1/audio/track02.flac"), 12_345, 1);

            Optional<String> difference = SwarmData.firstDifference(one.content(), two.content(),
                    SwarmData.Compare.EXACT);
            assertTrue(difference.orElse("").startsWith("disc1/audio/track02.flac: first difference at offset 12345"),
                    difference::toString);
        }
    }

    @Test
    void aMissingEmptyFileCountsOnlyWhenExact() throws Exception {
        try (SwarmData data = SwarmData.generate(1 << 20)) {
            Path copy = data.newDirectory("copy");
            SwarmData.copyTree(data.content(), copy);
            Files.delete(copy.resolve("docs/licenses/EMPTY"));

            assertTrue(SwarmData.firstDifference(data.content(), copy, SwarmData.Compare.EXACT).isPresent());
            assertEquals(Optional.empty(), SwarmData.firstDifference(data.content(), copy,
                    SwarmData.Compare.EMPTY_FILES_MAY_BE_MISSING));
        }
    }

    @Test
    void mktorrentInfoHashAndLayoutAgreeWithLibtorrent() {
        Path python = SystemProgram.requirePythonLibtorrent();
        try (SwarmData data = SwarmData.generate(2 << 20)) {
            Torrent torrent = data.makeTorrent(List.of(URI.create("http://127.0.0.1:1/announce")), 15);

            String script = "import libtorrent as lt, sys\n"
                    + "t = lt.torrent_info(sys.argv[1])\n"
                    + "print(t.info_hash(), t.piece_length(), t.total_size(), t.num_files())\n";
            String printed = Processes.run(List.of(python.toString(), "-c", script, torrent.file().toString()),
                    Duration.ofSeconds(30)).assertSuccess().stdout().strip();

            assertEquals(torrent.infoHash() + " 32768 " + data.totalBytes() + " " + data.files().size(), printed);
            assertEquals(data.name(), torrent.name());
            assertEquals(data.files().size(), torrent.files().size());
            assertTrue(torrent.files().stream().allMatch(file -> file.path().startsWith(data.name() + "/")));
        }
    }

    @Test
    void damagedCopyChangesExactlyTheNamedPieces() {
        try (SwarmData data = SwarmData.generate(2 << 20)) {
            Torrent torrent = data.makeTorrent(List.of(), 15);
            Path bad = data.damagedCopy("bad", torrent, 3);

            Optional<String> difference = SwarmData.firstDifference(data.content(), bad.resolve(data.name()),
                    SwarmData.Compare.EXACT);

            // Piece 3 of 32 KiB pieces starts 98304 bytes into the torrent's first file.
            String first = torrent.files().get(0).path().substring(data.name().length() + 1);
            long offset = 3 * 32768 + 16384;
            assertTrue(difference.orElse("").startsWith(first + ": first difference at offset " + offset),
                    difference::toString);
        }
    }
}
