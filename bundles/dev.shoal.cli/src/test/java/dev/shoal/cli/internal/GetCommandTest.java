package dev.shoal.cli.internal;

import static dev.shoal.cli.internal.FakeTicker.seconds;
import static dev.shoal.cli.internal.StatusBuilder.MIB;
import static dev.shoal.cli.internal.StatusBuilder.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.HttpServer;

import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;

/**
 * {@code shoal get} through the whole command line, with a fake engine driven by a fake clock:
 * options reach the engine, the end states give the right exit code and lines.
 */
@Timeout(60)
class GetCommandTest {

    @TempDir
    Path dir;

    private Path torrentFile;
    private final FakeTicker ticker = new FakeTicker();
    private FakeEngine engine;
    private boolean engineAskedFor;

    private record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void torrent() throws IOException {
        torrentFile = Files.write(dir.resolve("data.torrent"), TestTorrents.create(dir, "data.bin", 100_000));
    }

    /** A download that takes 20 s, then seeds 10 s to the goal. */
    private static TorrentStatus script(long now) {
        double t = now / 1e9;
        if (t < 2) {
            return status().checked((int) (t * 100)).tracker("http://127.0.0.1:1/announce", false, null).build();
        }
        if (t < 22) {
            long done = (long) ((t - 2) / 20 * 281 * MIB);
            return status().verified(done).downloaded(done).rates(14 * MIB, 0).peers(2, 1)
                    .tracker("http://127.0.0.1:1/announce", true, null).build();
        }
        long up = (long) (Math.min(10, t - 22) / 10 * 281 * MIB);
        TorrentState state = t < 32 ? TorrentState.SEEDING : TorrentState.FINISHED;
        return status().state(state).verified(281 * MIB).downloaded(281 * MIB).uploaded(up).peers(1, 0)
                .tracker("http://127.0.0.1:1/announce", true, null).build();
    }

    private Result run(Terminal terminal, LongFunction<TorrentStatus> script, String... args) {
        engine = new FakeEngine(ticker, script);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ShoalCommandLine("9.9.9-test", new StandaloneTorrentCreator(1), () -> {
            engineAskedFor = true;
            return engine;
        }, ticker, terminal).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result run(LongFunction<TorrentStatus> script, String... args) {
        return run(Terminal.LOG, script, args);
    }

    @Test
    void downloadsSeedsAndExitsZeroWithASummary() {
        Result result = run(GetCommandTest::script, "get", torrentFile.toString(), "--dir", dir.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).startsWith("checking 0.0%"), result.out());
        assertTrue(lines.get(1).startsWith("[  0.0%] 0 B/281 MiB  down 14.0 MiB/s"), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("seeding, ratio 0.00/1.00")), result.out());
        assertTrue(lines.get(lines.size() - 2).startsWith("finished, ratio 1.00"), result.out());
        assertEquals("done: downloaded 281 MiB in 20s (14.0 MiB/s), uploaded 281 MiB (ratio 1.00), 32s in all",
                lines.get(lines.size() - 1));
        // A line every 5 s and at each change of state, not every poll.
        assertTrue(lines.size() < 15, result.out());
        assertEquals(List.of("add", "remove"), engine.calls);
        assertEquals(dir.toAbsolutePath(), engine.added.downloadDirectory());
        assertEquals(SeedGoal.DEFAULT, engine.added.seedGoal());
        assertEquals(RateLimits.UNLIMITED, engine.added.rateLimits());
        assertFalse(engine.added.paused());
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlace() {
        Result result = run(new Terminal(true, true, 200), GetCommandTest::script, "get", torrentFile.toString(),
                "-d", dir.toString());
        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.out().split("\n");
        assertEquals(2, lines.length, result.out());
        assertTrue(lines[0].startsWith("\rchecking"), lines[0]);
        assertTrue(lines[0].contains("\r[ 50.0%] 141 MiB/281 MiB  \u2193 14.0 MiB/s \u2191 0 B/s  ETA --  peers 2 (1 seed)"),
                lines[0]);
        assertTrue(lines[1].startsWith("done: downloaded 281 MiB"), lines[1]);
    }

    @Test
    void optionsReachTheEngine() {
        Result result = run(GetCommandTest::script, "get", torrentFile.toString(), "--dir", dir.resolve("new/sub").toString(),
                "--port", "6881", "--seed-ratio", "2.5", "--seed-time", "1h30m", "--max-down", "2M", "--max-up", "500K",
                "--quiet");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.out(), "quiet");
        assertEquals("", result.err());
        assertEquals(List.of("port 6881", "add", "remove"), engine.calls);
        assertTrue(Files.isDirectory(dir.resolve("new/sub")), "the download folder is made");
        assertEquals(new SeedGoal(OptionalDouble.of(2.5), Optional.of(Duration.ofMinutes(90))), engine.added.seedGoal());
        assertEquals(new RateLimits(2 << 20, 500 << 10), engine.added.rateLimits());
    }

    @Test
    void aSeedTimeAloneIsTheOnlyGoal() {
        run(GetCommandTest::script, "get", torrentFile.toString(), "--dir", dir.toString(), "--seed-time", "30m", "-q");
        assertEquals(new SeedGoal(OptionalDouble.empty(), Optional.of(Duration.ofMinutes(30))), engine.added.seedGoal());
        run(GetCommandTest::script, "get", torrentFile.toString(), "--dir", dir.toString(), "--seed-ratio", "0", "-q");
        assertEquals(new SeedGoal(OptionalDouble.of(0), Optional.empty()), engine.added.seedGoal());
    }

    @Test
    void anEngineErrorIsOneLineAndExitOneAndTheDataStays() throws IOException {
        Path data = Files.writeString(dir.resolve("data.bin.part"), "half");
        Result result = run(now -> now < seconds(3) ? script(now) : status().error("data.bin: No space left on device").build(),
                "get", torrentFile.toString(), "--dir", dir.toString());
        assertEquals(1, result.exitCode());
        assertEquals("shoal: data.bin: No space left on device\n", result.err());
        assertEquals(List.of("add", "remove"), engine.calls);
        assertEquals("half", Files.readString(data));
        assertTrue(Files.exists(torrentFile));
    }

    @Test
    void givesUpWhenNoTrackerOrPeerAnswers() {
        LongFunction<TorrentStatus> deadSwarm = now -> status().tracker("http://127.0.0.1:1/announce", false,
                "connection refused").tracker("udp://127.0.0.1:2", false, null).build();
        Result result = run(deadSwarm, "get", torrentFile.toString(), "--dir", dir.toString(), "--timeout", "90s");
        assertEquals(1, result.exitCode());
        assertEquals("shoal: no tracker or peer reachable within 1m30s (http://127.0.0.1:1/announce: connection refused; "
                + "udp://127.0.0.1:2: no answer)\n", result.err());
        assertEquals(seconds(90), ticker.nanoTime(), "gave up at the limit, not later");
        assertEquals(List.of("add", "remove"), engine.calls);
    }

    @Test
    void theDefaultTimeoutIsTwoMinutesAndATrackerComingUpInTimeIsEnough() {
        LongFunction<TorrentStatus> slowTracker = now -> now < seconds(100) ? status()
                .tracker("http://127.0.0.1:1/announce", false, "connection refused").build() : script(seconds(10) + now);
        Result result = run(slowTracker, "get", torrentFile.toString(), "--dir", dir.toString(), "-q");
        assertEquals(0, result.exitCode(), result.err());

        Result dead = run(now -> status().tracker("http://127.0.0.1:1/announce", false, "connection refused").build(),
                "get", torrentFile.toString(), "--dir", dir.toString(), "-q");
        assertEquals(1, dead.exitCode());
        assertTrue(dead.err().startsWith("shoal: no tracker or peer reachable within 2m ("), dead.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Address already in use|shoal: cannot listen on port 6881: Address already in use",
        "cannot listen on port 6881: Address already in use|shoal: cannot listen on port 6881: Address already in use"})
    void aPortInUseIsOneLineNamingThePortAndNothingIsAdded(String engineMessage, String line) {
        FakeEngine busy = new FakeEngine(ticker, GetCommandTest::script);
        busy.portFailure = new EngineException(engineMessage);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ShoalCommandLine("t", new StandaloneTorrentCreator(1), () -> busy, ticker, Terminal.LOG)
                .run(new String[] {"get", torrentFile.toString(), "--dir", dir.toString(), "--port", "6881"},
                        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertEquals(line + "\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("port 6881"), busy.calls);
    }

    @Test
    void aBadTorrentIsTheParsersMessageAndTheEngineIsNotStarted() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.torrent"), "d4:infoi3ee");
        for (String target : new String[] {garbage.toString(), dir.resolve("none.torrent").toString(),
                "magnet:?xt=urn:btih:xyz", "ftp://host/x.torrent"}) {
            Result result = run(GetCommandTest::script, "get", target, "--dir", dir.toString());
            assertEquals(1, result.exitCode(), target);
            assertTrue(result.err().startsWith("shoal: "), result.err());
            assertEquals(1, result.err().lines().count(), result.err());
            assertFalse(engineAskedFor, "no engine for " + target);
        }
        assertTrue(run(GetCommandTest::script, "get", garbage.toString()).err().startsWith("shoal: " + garbage + ": "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--max-down|lots|Invalid value for option '--max-down': not a rate: \"lots\"",
        "--max-up|-5K|Invalid value for option '--max-up': not a rate: \"-5K\"",
        "--seed-time|30|Invalid value for option '--seed-time': not a duration: \"30\" (say e.g. 90s, 30m, 2h or 1h30m)",
        "--timeout|soon|Invalid value for option '--timeout': not a duration: \"soon\"",
        "--seed-ratio|-1|Invalid value for option '--seed-ratio': not a ratio: \"-1\"",
        "--port|65536|Invalid value for option '--port': not a port: \"65536\" (0 to 65535; 0 picks a free one)",
        "-p|http|Invalid value for option '--port': not a port: \"http\""})
    void badValuesAreAUsageErrorWithTheReason(String option, String value, String message) {
        Result result = run(GetCommandTest::script, "get", torrentFile.toString(), option, value);
        assertEquals(2, result.exitCode(), result.err());
        String first = result.err().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("shoal: " + message), first);
        assertTrue(result.err().contains("Usage: shoal get"), result.err());
        assertEquals("", result.out());
        assertFalse(engineAskedFor);
    }

    @Test
    void aMissingTargetIsAUsageError() {
        Result result = run(GetCommandTest::script, "get");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("shoal: Missing required parameter: 'TORRENT|URL|MAGNET'"), result.err());
    }

    @Test
    void fetchesTheTorrentFromAnHttpUrl() throws IOException {
        byte[] bytes = Files.readAllBytes(torrentFile);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/t/data.torrent", e -> {
            e.sendResponseHeaders(200, bytes.length);
            try (OutputStream body = e.getResponseBody()) {
                body.write(bytes);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Result ok = run(GetCommandTest::script, "get", base + "/t/data.torrent", "--dir", dir.toString(), "-q");
            assertEquals(0, ok.exitCode(), ok.err());
            assertEquals("data.bin", engine.added.metainfo().name());
            Result missing = run(GetCommandTest::script, "get", base + "/t/nothing.torrent", "--dir", dir.toString());
            assertEquals(1, missing.exitCode());
            assertEquals("shoal: HTTP 404 from " + base + "/t/nothing.torrent\n", missing.err());
        } finally {
            server.stop(0);
        }
    }
}
