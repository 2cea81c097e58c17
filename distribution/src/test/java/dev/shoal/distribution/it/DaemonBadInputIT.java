package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import dev.shoal.test.support.Processes;

/**
 * Bad input to a running daemon through {@code shoal cli}: each gets one clear line on stderr and a
 * non-zero exit, and the daemon goes on answering with its torrent as it was.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DaemonBadInputIT {

    @TempDir
    static Path work;

    private static ShoalDaemon daemon;
    private static Shoal shoal;
    private static ShoalCli cli;
    private static Path torrentFile;
    private static Path malformed;

    @BeforeAll
    static void startDaemonWithOneTorrent() throws IOException {
        shoal = new Shoal(work);
        cli = new ShoalCli(shoal);
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        daemon = ShoalDaemon.start(shoal, work).awaitRemoteShell(Duration.ofSeconds(60));
        Path content = Files.createDirectories(work.resolve("content"));
        Files.write(content.resolve("hello.bin"), new byte[100_000]);
        torrentFile = work.resolve("hello.torrent");
        cli.ok("shoal:create", content.resolve("hello.bin").toString(), "--out", torrentFile.toString());
        cli.ok("shoal:add", torrentFile.toString(), "--dir", content.toString(), "--paused");
        malformed = Files.writeString(work.resolve("malformed.torrent"), "d8:announce3:abc4:infod4:name");
    }

    @AfterAll
    static void stopDaemon() throws InterruptedException {
        if (daemon != null) {
            daemon.close();
        }
    }

    static Stream<Named<List<String>>> badCommands() {
        return Stream.of(
                Named.of("an unknown id", List.of("shoal:info", "999")),
                // Unscoped, as users type it: Shoal's info, not the scr:info Gogo would find first.
                Named.of("an unknown id, the command unscoped", List.of("info", "999999")),
                Named.of("an unknown info-hash prefix", List.of("shoal:pause", "ffff0000")),
                Named.of("a prefix too short to name a torrent", List.of("shoal:resume", "ab")),
                Named.of("a malformed torrent file", List.of("shoal:add", "MALFORMED")),
                Named.of("a torrent file that is not there", List.of("shoal:add", "/nonexistent/x.torrent")),
                Named.of("the same torrent twice", List.of("shoal:add", "GOOD")),
                Named.of("a missing argument", List.of("shoal:pause")),
                Named.of("an unknown option", List.of("shoal:list", "--colour")),
                Named.of("a rate that is not one", List.of("shoal:limit", "--down", "fast")),
                Named.of("a priority that is not one", List.of("shoal:prio", "1", "0", "urgent")),
                Named.of("a file number out of range", List.of("shoal:prio", "1", "7", "high")),
                Named.of("an unknown setting", List.of("shoal:config", "dev.shoal.engine", "nosuch", "1")),
                Named.of("a setting of the wrong type", List.of("shoal:config", "dev.shoal.engine",
                        "maxActiveDownloads", "many")),
                Named.of("an unknown command", List.of("shoal:frobnicate")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommands")
    void oneClearLineAndANonZeroExit(List<String> words) {
        String[] command = words.stream().map(word -> switch (word) {
            case "MALFORMED" -> malformed.toString();
            case "GOOD" -> torrentFile.toString();
            default -> word;
        }).toArray(String[]::new);
        Processes.Result result = cli.run(command);
        System.out.println("DaemonBadInputIT: shoal cli " + String.join(" ", command) + " -> " + result.exitCode()
                + ": " + result.stderr().strip());
        assertOneLine(result);
        daemonUnaffected();
    }

    @Test
    void aWrongTokenIsRefusedAndTheDaemonGoesOn() throws IOException {
        Path token = shoal.dataDir().resolve("remote.token");
        String good = Files.readString(token);
        Files.writeString(token, "0".repeat(64) + "\n");
        try {
            assertOneLine(cli.run("shoal:list"));
        } finally {
            Files.writeString(token, good);
        }
        daemonUnaffected();
    }

    private static void assertOneLine(Processes.Result result) {
        String stderr = result.stderr().strip();
        assertAll(result.describe(),
                () -> assertTrue(result.exitCode() != 0, "exit code is 0"),
                () -> assertFalse(stderr.isEmpty(), "stderr is empty"),
                () -> assertEquals(1, stderr.lines().count(), "stderr has more than one line"),
                () -> assertTrue(stderr.startsWith("shoal: "), "stderr does not start with 'shoal: '"),
                () -> assertFalse(stderr.contains("Exception"), "stderr names an exception"),
                () -> assertFalse(stderr.contains("\tat "), "stderr has a stack trace"));
    }

    private static void daemonUnaffected() {
        String list = cli.ok("shoal:list");
        assertTrue(list.contains("hello.bin") && list.contains("paused"), () -> "the torrent is gone or moved:\n"
                + list + "\n" + daemon.output());
    }
}
