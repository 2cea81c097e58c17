package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.Processes;

/**
 * {@code shoal create} judged by others: transmission-show and libtorrent must read the same
 * info-hash, libtorrent must find every piece of the source data valid, and {@code shoal info}
 * must list the files as they are on disk (zero-length files included).
 */
class CreatedTorrentsIT {

    private static final String TRACKER_1 = "http://127.0.0.1:6969/announce";
    private static final String TRACKER_2 = "udp://127.0.0.1:6970";
    private static final String WEB_SEED = "http://127.0.0.1:9/seed/";
    private static final String COMMENT = "made by CreatedTorrentsIT";

    @TempDir
    static Path work;

    private static Path single;
    private static Path tree;
    private static Libtorrent libtorrent;

    @BeforeAll
    static void content() {
        single = Fixtures.randomFile(work.resolve("content/odd.bin"), 3_000_017, 7);
        tree = Fixtures.tree(work.resolve("content/tree"), Map.of(
                "a.bin", 1_000_003L,
                "z.dat", 99_991L,
                "sub/b.bin", 262_145L,
                "sub/deeper/c.txt", 17L,
                "sub/deeper/empty.txt", 0L,
                "sub/other/d.bin", 32_769L));
    }

    @Test
    void singleFileWithDefaults() {
        Created created = create("single-default", single, "--tracker", TRACKER_1);
        created.assertPieceLengthSane();
        assertEquals(List.of(List.of(TRACKER_1)), trackerTiers(created.info));
    }

    @Test
    void singleFileWithPieceSizeInBytes() {
        Created created = create("single-bytes", single, "--tracker", TRACKER_1, "--piece-size", "262144");
        assertEquals(262_144, created.info.path("pieceLength").asLong());
    }

    @Test
    void singleFileWithAutomaticPieceSize() {
        Created created = create("single-auto", single, "--tracker", TRACKER_1, "--piece-size", "auto");
        created.assertPieceLengthSane();
    }

    @Test
    void nestedDirectoryWithDefaults() {
        Created created = create("tree-default", tree, "--tracker", TRACKER_1);
        created.assertPieceLengthSane();
        assertTrue(Fixtures.shoalFiles(created.info).containsKey("sub/deeper/empty.txt"),
                () -> "the zero-length file is missing: " + created.info);
    }

    @Test
    void nestedDirectoryWithEveryOption() {
        Created created = create("tree-options", tree,
                "--tracker", TRACKER_1, "--tracker", TRACKER_2, "--piece-size", "32K",
                "--private", "--comment", COMMENT, "--web-seed", WEB_SEED);
        JsonNode info = created.info;
        assertEquals(32_768, info.path("pieceLength").asLong(), () -> "pieceLength in " + info);
        assertEquals(true, info.path("private").asBoolean(false), () -> "private in " + info);
        assertEquals(COMMENT, info.path("comment").asText(), () -> "comment in " + info);
        assertEquals(List.of(TRACKER_1, TRACKER_2), flatten(trackerTiers(info)), () -> "trackers in " + info);
        assertEquals(List.of(WEB_SEED), texts(info.path("webSeeds")), () -> "webSeeds in " + info);

        TransmissionShow show = created.show;
        assertTrue(show.isPrivate(), () -> "transmission-show sees a public torrent\n" + show.output());
        assertEquals(COMMENT, show.comment(), () -> show.output());
        assertEquals(List.of(TRACKER_1, TRACKER_2), show.trackers(), () -> show.output());
        assertEquals(List.of(WEB_SEED), show.webSeeds(), () -> show.output());

        JsonNode lt = created.libtorrent;
        assertEquals(true, lt.path("private").asBoolean(false), () -> "libtorrent: " + lt);
        assertEquals(COMMENT, lt.path("comment").asText(), () -> "libtorrent: " + lt);
        assertEquals(List.of(TRACKER_1, TRACKER_2), texts(lt.path("trackers")), () -> "libtorrent: " + lt);
        assertEquals(List.of(WEB_SEED), texts(lt.path("webSeeds")), () -> "libtorrent: " + lt);
    }

    /** The check above is only worth something if it can fail: one flipped byte costs one piece. */
    @Test
    void libtorrentNoticesAFlippedByte() throws IOException {
        Path copy = Files.createDirectories(work.resolve("corrupt")).resolve("odd.bin");
        Files.copy(single, copy);
        Path torrent = work.resolve("corrupt.torrent");
        new Shoal(work.resolve("shoal-corrupt")).run("create", copy.toString(), "--piece-size", "256K",
                "-o", torrent.toString()).assertSuccess();
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            long at = 1_000_000;
            channel.read(one, at);
            one.put(0, (byte) ~one.get(0)).rewind();
            channel.write(one, at);
        }
        JsonNode checked = libtorrent().check(torrent, copy.getParent());
        assertEquals(12, checked.path("numPieces").asLong(), () -> checked.toString());
        assertEquals(11, checked.path("havePieces").asLong(), () -> "libtorrent should miss exactly one piece: " + checked);
    }

    /** A torrent made by Shoal, checked by everyone. */
    private static final class Created {
        final JsonNode info;
        final TransmissionShow show;
        final JsonNode libtorrent;

        Created(JsonNode info, TransmissionShow show, JsonNode libtorrent) {
            this.info = info;
            this.show = show;
            this.libtorrent = libtorrent;
        }

        void assertPieceLengthSane() {
            long pieceLength = info.path("pieceLength").asLong();
            assertTrue(pieceLength >= 16 * 1024 && Long.bitCount(pieceLength) == 1,
                    () -> "piece length should be a power of two of at least 16 KiB: " + pieceLength);
        }
    }

    /**
     * Runs {@code shoal create content args... -o case.torrent}, then reads the torrent with
     * Shoal, transmission-show and libtorrent and checks the data against it with libtorrent.
     */
    private static Created create(String name, Path content, String... options) {
        Path torrent = work.resolve(name + ".torrent");
        Shoal shoal = new Shoal(work.resolve("shoal-" + name));
        List<String> args = new ArrayList<>(List.of("create", content.toString()));
        args.addAll(Arrays.asList(options));
        args.addAll(List.of("-o", torrent.toString()));
        Processes.Result made = shoal.run(args.toArray(String[]::new)).assertSuccess();
        assertTrue(Files.isRegularFile(torrent), () -> "no torrent written\n" + made.describe());

        boolean multiFile = Files.isDirectory(content);
        SortedMap<String, Long> expected = Fixtures.onDisk(content);
        JsonNode info = shoal.infoJson(torrent.toString());
        long pieceLength = info.path("pieceLength").asLong();
        Fixtures.assertV1Info(info, content.getFileName().toString(), expected, pieceLength);
        String hash = info.path("infoHashV1").asText();

        TransmissionShow show = TransmissionShow.of(torrent);
        assertEquals(hash, show.hash(), () -> "transmission-show's info-hash\n" + show.output());
        assertEquals(info.path("pieceCount").asLong(), show.pieceCount(), "transmission-show's piece count");
        assertEquals(content.getFileName().toString(), show.name());

        Libtorrent lt = libtorrent();
        JsonNode checked = lt.check(torrent, content.getParent());
        String seen = checked.toString();
        assertEquals(hash, checked.path("infoHashV1").asText(), () -> "libtorrent's info-hash: " + seen);
        assertEquals(pieceLength, checked.path("pieceLength").asLong(), () -> "libtorrent: " + seen);
        assertEquals(expected, Fixtures.libtorrentFiles(checked, multiFile), () -> "libtorrent's files: " + seen);
        assertEquals(true, checked.path("checked").asBoolean(false), () -> "libtorrent did not finish checking: " + seen);
        assertEquals(List.of(), texts(checked.path("errors")), () -> "libtorrent reported errors: " + seen);
        assertEquals(checked.path("numPieces").asLong(-1), checked.path("havePieces").asLong(-2),
                () -> "libtorrent found pieces that do not match the data: " + seen);
        assertEquals(info.path("pieceCount").asLong(), checked.path("numPieces").asLong(), () -> seen);
        return new Created(info, show, checked);
    }

    private static synchronized Libtorrent libtorrent() {
        if (libtorrent == null) {
            libtorrent = Libtorrent.require(work);
        }
        return libtorrent;
    }

    private static List<List<String>> trackerTiers(JsonNode info) {
        List<List<String>> tiers = new ArrayList<>();
        for (JsonNode tier : info.path("trackers")) {
            tiers.add(texts(tier));
        }
        return tiers;
    }

    private static List<String> flatten(List<List<String>> tiers) {
        List<String> all = new ArrayList<>();
        tiers.forEach(all::addAll);
        return all;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : array) {
            texts.add(item.asText());
        }
        return texts;
    }
}
