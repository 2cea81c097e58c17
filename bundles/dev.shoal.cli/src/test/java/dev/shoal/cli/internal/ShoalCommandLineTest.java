package dev.shoal.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shoal.engine.api.Engine;
import dev.shoal.metainfo.Metainfo;

/** The command line in-process, with the real creator: exit codes, streams, files written. */
class ShoalCommandLineTest {

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ShoalCommandLine("9.9.9-test", new StandaloneTorrentCreator(2), ShoalCommandLineTest::noEngine)
                .run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** info, create, --version and help must never start the engine: it binds a port. */
    private static Engine noEngine() {
        throw new AssertionError("the engine was asked for by a command that needs none");
    }

    private Path randomFile(String name, int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return Files.write(dir.resolve(name), data);
    }

    @Test
    void versionAndHelpGoToStdoutAndSucceed() {
        Result version = run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("shoal 9.9.9-test"), version.out());
        Result help = run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("create") && help.out().contains("info"), help.out());
        assertTrue(help.out().contains("  get "), help.out());
        Result getHelp = run("help", "get");
        assertEquals(0, getHelp.exitCode());
        assertTrue(getHelp.out().contains("Usage: shoal get [-hqV]"), getHelp.out());
    }

    @Test
    void unknownCommandPrintsUsageOnStderrAndExitsTwo() {
        Result result = run("frobnicate");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Usage: shoal"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void noCommandPrintsUsageAndExitsTwo() {
        Result result = run();
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Commands:"), result.err());
    }

    @Test
    void createThenInfoShowTheSameTorrent() throws IOException {
        Path source = randomFile("data.bin", 1_000_003);
        Path torrent = dir.resolve("data.torrent");
        Result created = run("create", source.toString(), "-o", torrent.toString(), "--piece-size", "64K",
                "-t", "http://127.0.0.1:6969/announce", "-t", "udp://127.0.0.1:6969", "--private", "-c", "a comment");
        assertEquals(0, created.exitCode(), created.err());
        Metainfo parsed = assertParses(torrent);
        assertEquals(65536, parsed.pieceLength());
        assertEquals(16, parsed.pieceCount());
        assertTrue(parsed.isPrivate());
        assertEquals(2, parsed.trackers().size());
        assertTrue(created.out().contains(parsed.infoHash().hex()), created.out());

        Result info = run("info", torrent.toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("Info hash v1:  " + parsed.infoHash().hex()), info.out());
        assertTrue(info.out().contains("tier 2: udp://127.0.0.1:6969"), info.out());
        assertTrue(info.out().contains("Comment:       a comment"), info.out());

        Result json = run("info", "--json", torrent.toString());
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"infoHashV1\" : \"" + parsed.infoHash().hex() + "\""), json.out());
        assertTrue(json.out().contains("\"pieceCount\" : 16"), json.out());
    }

    @Test
    void createRefusesToOverwriteWithoutForce() throws IOException {
        Path source = randomFile("x.bin", 40_000);
        Path torrent = Files.writeString(dir.resolve("x.torrent"), "keep me");
        Result refused = run("create", source.toString(), "-o", torrent.toString());
        assertEquals(1, refused.exitCode());
        assertOneErrorLine(refused);
        assertEquals("keep me", Files.readString(torrent));
        assertEquals(0, run("create", source.toString(), "-o", torrent.toString(), "--force").exitCode());
        assertParses(torrent);
    }

    @Test
    void createRejectsBadOptionsWithOneLine() throws IOException {
        Path source = randomFile("y.bin", 1000);
        String out = dir.resolve("y.torrent").toString();
        for (String[] args : new String[][] {
                {"create", source.toString(), "-o", out, "--piece-size", "100K"},
                {"create", source.toString(), "-o", out, "--piece-size", "8K"},
                {"create", source.toString(), "-o", out, "--piece-size", "lots"},
                {"create", source.toString(), "-o", out, "-t", "not a url"},
                {"create", source.toString(), "-o", out, "-t", "gopher://host/"},
                {"create", dir.resolve("missing").toString(), "-o", out}}) {
            Result result = run(args);
            assertEquals(1, result.exitCode(), String.join(" ", args));
            assertOneErrorLine(result);
            assertFalse(Files.exists(Path.of(out)), "no torrent written for " + String.join(" ", args));
        }
    }

    @Test
    void infoOfABadFileOrMagnetIsOneLineAndExitOne() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.torrent"), "d4:infoi3ee");
        for (String target : new String[] {garbage.toString(), dir.resolve("nope.torrent").toString(),
                dir.toString(), "magnet:?dn=nothing", "magnet:?xt=urn:btih:xyz"}) {
            Result result = run("info", target);
            assertEquals(1, result.exitCode(), target);
            assertOneErrorLine(result);
            assertEquals("", result.out(), target);
        }
    }

    @Test
    void infoOfAMagnetLink() {
        String hex = "c12fe1c06bba254a9dc9f519b335aa7c1367a88a";
        Result result = run("info", "magnet:?xt=urn:btih:" + hex + "&dn=Some+Name&tr=udp%3A%2F%2F127.0.0.1%3A6969");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("Some Name"), result.out());
        assertTrue(result.out().contains(hex), result.out());
        assertTrue(result.out().contains("udp://127.0.0.1:6969"), result.out());
    }

    private static Metainfo assertParses(Path torrent) {
        try {
            return Metainfo.parse(Files.readAllBytes(torrent));
        } catch (Exception e) {
            throw new AssertionError(torrent + " does not parse", e);
        }
    }

    private static void assertOneErrorLine(Result result) {
        String[] lines = result.err().split("\n");
        assertEquals(1, lines.length, "expected one line on stderr: " + result.err());
        assertTrue(lines[0].startsWith("shoal: "), lines[0]);
        assertFalse(lines[0].contains("Exception"), lines[0]);
    }
}
