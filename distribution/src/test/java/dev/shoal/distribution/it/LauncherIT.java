package dev.shoal.distribution.it;

import static dev.shoal.distribution.it.Bencode.dict;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.SystemProgram;
import dev.shoal.test.support.Processes;

/** The jar as a program: help, version, a wrong command, where it keeps its state, and JDK 25. */
class LauncherIT {

    private static final String VERSION_LINE = "shoal \\d+\\.\\d+\\.\\d+\\S*";

    @TempDir
    Path work;

    @Test
    void helpGoesToStdout() {
        Processes.Result result = new Shoal(work).run("--help");
        assertAll(result.describe(),
                () -> assertEquals(0, result.exitCode(), "exit code"),
                () -> assertTrue(result.stdout().contains("Usage"), "usage on stdout"),
                () -> assertTrue(result.stdout().contains("info"), "the info command is listed"),
                () -> assertTrue(result.stdout().contains("create"), "the create command is listed"),
                () -> assertEquals("", result.stderr(), "stderr"));
    }

    @Test
    void version() {
        Processes.Result result = new Shoal(work).run("--version");
        String firstLine = result.stdout().lines().findFirst().orElse("");
        assertAll(result.describe(),
                () -> assertEquals(0, result.exitCode(), "exit code"),
                () -> assertTrue(firstLine.matches(VERSION_LINE), "first line should be 'shoal <version>'"),
                () -> assertEquals("", result.stderr(), "stderr"));
    }

    @Test
    void unknownCommandIsAUsageError() {
        Processes.Result result = new Shoal(work).run("frobnicate");
        assertAll(result.describe(),
                () -> assertEquals(2, result.exitCode(), "exit code"),
                () -> assertTrue(result.stderr().contains("Usage"), "usage on stderr"),
                () -> assertTrue(result.stderr().contains("frobnicate"), "stderr names the bad command"),
                () -> assertEquals("", result.stdout(), "stdout"),
                () -> assertFalse(result.stderr().contains("Exception"), "no exception on stderr"));
    }

    @Test
    void dataDirectoryFromTheEnvironmentAndTheOption() {
        Path fromEnv = work.resolve("from-env");
        Path fromOption = work.resolve("from-option");
        Shoal shoal = new Shoal(work);

        shoal.run(Map.of("SHOAL_DATA_DIR", fromEnv.toString()), "--version").assertSuccess();
        assertTrue(Files.isDirectory(fromEnv.resolve("config")), "SHOAL_DATA_DIR is used");

        shoal.run(Map.of("SHOAL_DATA_DIR", fromEnv.resolveSibling("unused").toString()),
                "--data-dir", fromOption.toString(), "--version").assertSuccess();
        assertTrue(Files.isDirectory(fromOption.resolve("config")), "--data-dir is used");
        assertFalse(Files.exists(work.resolve("unused")), "--data-dir wins over SHOAL_DATA_DIR");
    }

    @Test
    void runsOnJdk25() throws IOException {
        Path java25 = SystemProgram.requireJdk(25);
        Shoal shoal = new Shoal(java25, work);

        Processes.Result version = shoal.run("--version");
        assertAll(version.describe(),
                () -> assertEquals(0, version.exitCode(), "exit code"),
                () -> assertTrue(version.stdout().lines().findFirst().orElse("").matches(VERSION_LINE), "version line"),
                () -> assertFalse(version.stderr().contains("Exception"), "no exception on stderr"));

        Map<String, Object> info = dict(
                "length", 20_000L, "name", "hello.txt", "piece length", 16_384L, "pieces", new byte[40]);
        Path torrent = work.resolve("hello.torrent");
        Files.write(torrent, Bencode.encode(dict("announce", "http://127.0.0.1:6969/announce", "info", info)));
        String hash = Bencode.sha1Hex(Bencode.encode(info));

        Processes.Result human = shoal.run("info", torrent.toString()).assertSuccess();
        assertTrue(human.stdout().contains(hash), () -> "the info-hash " + hash + " is missing\n" + human.describe());

        JsonNode json = shoal.infoJson(torrent.toString());
        assertEquals(hash, json.path("infoHashV1").asText(), () -> json.toString());
        assertEquals("hello.txt", json.path("name").asText(), () -> json.toString());
        assertEquals(20_000L, json.path("totalSize").asLong(), () -> json.toString());
        assertEquals(2, json.path("pieceCount").asLong(), () -> json.toString());
        assertEquals(List.of("hello.txt"), List.of(json.path("files").path(0).path("path").asText()), () -> json.toString());
    }

    /**
     * The one-line error contract holds on JDK 25 too. There the JVM warns on stderr that Felix
     * 7.0.5 calls sun.misc.Unsafe (to coerce filter attributes), unless told to allow it; the
     * ./shoal script tells it, so that is how this runs.
     */
    @Test
    void errorIsOneLineOnJdk25ThroughTheScript() throws IOException {
        Path java25 = SystemProgram.requireJdk(25);
        Path broken = work.resolve("broken.torrent");
        Files.write(broken, "d4:infoi1ee".getBytes(StandardCharsets.US_ASCII));
        Shoal.assertOneLineError(Shoal.throughScript(java25, work).run("info", broken.toString()));
    }
}
