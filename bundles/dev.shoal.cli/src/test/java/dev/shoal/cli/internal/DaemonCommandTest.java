package dev.shoal.cli.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.shoal.engine.api.Engine;

/** {@code shoal daemon} in-process, with a recording framework and the fake engine. */
@Timeout(30)
class DaemonCommandTest {

    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();

    /** Records what the daemon asks of the framework. */
    private final class RecordingFramework implements FrameworkControl {

        @Override
        public void raiseStartLevel(int level) {
            events.add("start level " + level);
        }

        @Override
        public void keepRunning() {
            events.add("keep running");
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(Supplier<Engine> engines, FrameworkControl framework, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ShoalCommandLine("t", new StandaloneTorrentCreator(1), engines, Ticker.SYSTEM, Terminal.LOG,
                framework).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Supplier<Engine> counting(Engine engine) {
        return () -> {
            events.add("engine");
            return engine;
        };
    }

    @Test
    void startsTheLongRunningBundlesAndKeepsRunningWithoutTheEngine() {
        Result result = run(counting(null), new RecordingFramework(), "daemon");
        assertEquals(new Result(0, "", ""), result);
        assertEquals(List.of("start level 20", "keep running"), events, "the engine is not asked for");
    }

    @Test
    void theDesktopRaisesTheStartLevelAboveTheHeadlessDaemons() {
        Result result = run(counting(null), new RecordingFramework(), "daemon", "--desktop");
        assertEquals(new Result(0, "", ""), result);
        assertEquals(List.of("start level 30", "keep running"), events);
    }

    @Test
    void addsEachTorrentWithTheEnginesDefaults() throws IOException {
        Path first = Files.write(dir.resolve("a.torrent"), TestTorrents.create(dir, "a.bin", 1000));
        Path second = Files.write(dir.resolve("b.torrent"), TestTorrents.create(dir, "b.bin", 2000));
        FakeEngine engine = new FakeEngine(new FakeTicker(), now -> new StatusBuilder().build());
        engine.defaultDirectory = dir.resolve("downloads");

        Result result = run(counting(engine), new RecordingFramework(),
                "daemon", "--add", first.toString(), "--add", second.toString());

        assertAll(result.toString(),
                () -> assertEquals(0, result.exitCode()),
                () -> assertEquals("added a.bin to " + dir.resolve("downloads") + "\nadded b.bin to "
                        + dir.resolve("downloads") + "\n", result.out()),
                () -> assertEquals("", result.err()),
                () -> assertEquals(List.of("defaults", "add", "defaults", "add"), engine.calls),
                () -> assertEquals(List.of("start level 20", "engine", "engine", "keep running"), events));
    }

    @Test
    void aTorrentThatCannotBeAddedIsOneLineAndTheDaemonRunsOn() throws IOException {
        Path good = Files.write(dir.resolve("a.torrent"), TestTorrents.create(dir, "a.bin", 1000));
        FakeEngine engine = new FakeEngine(new FakeTicker(), now -> new StatusBuilder().build());
        Result result = run(counting(engine), new RecordingFramework(),
                "daemon", "--add", dir.resolve("missing.torrent").toString(), "--add", good.toString());
        assertAll(result.toString(),
                () -> assertEquals(0, result.exitCode()),
                () -> assertTrue(result.err().startsWith("shoal: ") && result.err().contains("missing.torrent"),
                        "names the file"),
                () -> assertEquals(1, result.err().lines().count(), "one line"),
                () -> assertTrue(result.out().startsWith("added a.bin"), "the next one is added"),
                () -> assertEquals(List.of("defaults", "add"), engine.calls));
    }

    @Test
    void anInterruptStopsAdding() throws IOException {
        Path good = Files.write(dir.resolve("a.torrent"), TestTorrents.create(dir, "a.bin", 1000));
        FakeEngine engine = new FakeEngine(new FakeTicker(), now -> new StatusBuilder().build());
        Thread.currentThread().interrupt();
        try {
            Result result = run(counting(engine), new RecordingFramework(), "daemon", "--add", good.toString());
            assertEquals(new Result(0, "", ""), result);
            assertEquals(List.of(), engine.calls, "nothing added once a signal came");
        } finally {
            Thread.interrupted();
        }
    }
}
