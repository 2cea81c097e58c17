package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.shoal.test.support.SystemProgram;
import dev.shoal.test.support.Processes;

/**
 * Torrents made by other programs (mktorrent 1.1, transmission-create 3.00): {@code shoal info}
 * must read the same info-hash that transmission-show computes, and the same name, size, piece
 * count and files; and a magnet link transmission-show makes must give the same info-hash.
 */
class ForeignTorrentsIT {

    private static final String TRACKER = "http://127.0.0.1:6969/announce";
    private static final String TRACKER_2 = "udp://127.0.0.1:6969";
    private static final String WEB_SEED = "http://127.0.0.1:9/seed/";
    private static final Pattern HUMAN_HASH = Pattern.compile("(?m)^\\s*Info hash v1:\\s+([0-9a-f]{40})\\s*$");

    @TempDir
    static Path work;

    @BeforeAll
    static void content() {
        Fixtures.randomFile(work.resolve("content/single.bin"), 1_234_567, 1);
        Fixtures.tree(work.resolve("content/nested"), Map.of(
                "a.bin", 300_001L,
                "sub/b.bin", 65_537L,
                "sub/with space.dat", 1_000L,
                "sub/deeper/c.txt", 5L,
                "sub/deeper/empty", 0L));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "mktorrent, single.bin, 18",
        "mktorrent, nested, 15",
        "transmission-create, single.bin, 18",
        "transmission-create, nested, 15",
    })
    void shoalReadsWhatTransmissionReads(String tool, String contentName, int log2PieceLength) {
        Path program = SystemProgram.require(tool);
        Path content = work.resolve("content").resolve(contentName);
        Path torrent = work.resolve(tool + "-" + contentName + ".torrent");
        long pieceLength = 1L << log2PieceLength;
        List<String> command = new ArrayList<>(List.of(program.toString()));
        if (tool.equals("mktorrent")) {
            command.addAll(List.of("-l", Integer.toString(log2PieceLength), "-a", TRACKER));
        } else {
            command.addAll(List.of("-t", TRACKER, "-s", Long.toString(pieceLength / 1024)));
        }
        command.addAll(List.of("-o", torrent.toString(), content.toString()));
        Processes.run(command, Shoal.TIMEOUT).assertSuccess();

        boolean multiFile = !contentName.endsWith(".bin");
        SortedMap<String, Long> expected = Fixtures.onDisk(content);
        if (tool.equals("transmission-create")) {
            // Transmission 3.00 leaves zero-length files out of the torrents it makes.
            expected.values().removeIf(size -> size == 0);
        }
        TransmissionShow show = TransmissionShow.of(torrent);
        assertEquals(expected.keySet(), Fixtures.transmissionFiles(show, multiFile).keySet(),
                "what transmission-show lists\n" + show.output());

        Shoal shoal = new Shoal(work.resolve("shoal-" + tool + "-" + contentName));
        JsonNode info = shoal.infoJson(torrent.toString());
        assertEquals(show.hash(), info.path("infoHashV1").asText(), () -> "info-hash\n" + info + "\n" + show.output());
        Fixtures.assertV1Info(info, content.getFileName().toString(), expected, pieceLength);
        assertEquals(show.name(), info.path("name").asText());
        assertEquals(show.pieceCount(), info.path("pieceCount").asLong(), "piece count");
        assertEquals(false, info.path("private").asBoolean(true), () -> "private in " + info);
        assertEquals(Shoal.parseJson("[[\"" + TRACKER + "\"]]"), info.path("trackers"), () -> "trackers in " + info);
        String creator = tool.equals("mktorrent") ? "mktorrent" : "Transmission";
        assertTrue(info.path("createdBy").asText().startsWith(creator), () -> "createdBy in " + info);

        Processes.Result human = shoal.run("info", torrent.toString()).assertSuccess();
        Matcher hash = HUMAN_HASH.matcher(human.stdout());
        assertTrue(hash.find(), () -> "no 'Info hash v1:' line\n" + human.describe());
        assertEquals(show.hash(), hash.group(1), "info-hash in the human output");
    }

    @Test
    void magnetLinkFromTransmission() {
        Path mktorrent = SystemProgram.require("mktorrent");
        Path show = SystemProgram.require("transmission-show");
        Path torrent = work.resolve("for-magnet.torrent");
        Processes.run(List.of(mktorrent.toString(), "-l", "15", "-a", TRACKER, "-a", TRACKER_2, "-w", WEB_SEED,
                "-o", torrent.toString(), work.resolve("content/nested").toString()), Shoal.TIMEOUT).assertSuccess();
        String hash = TransmissionShow.of(torrent).hash();
        String magnet = Processes.run(List.of(show.toString(), "-m", torrent.toString()), Shoal.TIMEOUT)
                .assertSuccess().stdout().strip();
        assertTrue(magnet.startsWith("magnet:?"), () -> "transmission-show -m gave " + magnet);

        JsonNode info = new Shoal(work.resolve("shoal-magnet")).infoJson(magnet);
        String json = info.toString();
        assertEquals(true, info.path("magnet").asBoolean(false), () -> "magnet in " + json);
        assertEquals(hash, info.path("infoHashV1").asText(), () -> "infoHashV1 of " + magnet + " in " + json);
        assertTrue(info.path("infoHashV2").isNull(), () -> "infoHashV2 in " + json);
        assertEquals("nested", info.path("name").asText(), () -> "name in " + json);
        assertEquals(Shoal.parseJson("[\"" + TRACKER + "\",\"" + TRACKER_2 + "\"]"), info.path("trackers"),
                () -> "trackers in " + json);
        assertEquals(Shoal.parseJson("[\"" + WEB_SEED + "\"]"), info.path("webSeeds"), () -> "webSeeds in " + json);
    }
}
