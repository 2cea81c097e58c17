package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window at rest costs nothing it need not: with torrents whose values do not change, several
 * refresh periods pass without a row of the table asked for or formatted; hidden, the window gets
 * no refresh at all; and the latency probe's thread (the driver's, 50 wake-ups a second) exists
 * only once {@code ui:latency} is asked. Counted by {@code ui:work} and read from /proc, never timed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DesktopRestIT {

    /** Several refreshes (1 s each by default); nothing is asserted about how long anything takes. */
    private static final Duration AT_REST = Duration.ofSeconds(4);
    private static final String PROBE_THREAD = "shoal-ui-probe";

    @TempDir
    Path work;

    @RegisterExtension
    static final DesktopApp app = new DesktopApp();

    @Test
    void unchangedTorrentsCostTheTableNothingAndAHiddenWindowGetsNoRefresh() throws Exception {
        DesktopDriver ui = app.start(work);
        ShoalCli cli = app.cli();
        for (Path torrent : torrents(work.resolve("torrents"), 2)) {
            cli.ok("shoal:add '" + torrent + "' --paused --dir '" + work.resolve("downloads") + "'");
        }
        ui.awaitStateLine("rows=2 total=2", DesktopIT.STARTUP);
        java.util.Set<String> unasked = threadNames();
        assertFalse(unasked.contains(PROBE_THREAD), () -> "the latency probe runs unasked: " + unasked);

        ui.work("reset");
        ShoalGet.sleep(AT_REST);
        Map<String, Double> shown = ui.work();
        assertEquals(0.0, shown.get("setData"), () -> "rows asked for though nothing changed: " + shown);
        assertEquals(0.0, shown.get("rowsFormatted"), () -> "rows formatted though nothing changed: " + shown);

        cli.ok("ui:window", "hide");
        ui.awaitStateLine("window=hidden", DesktopIT.STARTUP);
        ui.work("reset");
        ShoalGet.sleep(AT_REST);
        Map<String, Double> hidden = ui.work();
        assertEquals(0.0, hidden.get("refreshes"), () -> "the hidden window was refreshed: " + hidden);
        cli.ok("ui:window", "show");
        ui.awaitStateLine("window=visible", DesktopIT.STARTUP);

        // A torrent added while the poller rests shows at once: the engine's event wakes it (no wall clock
        // asserted: the generous bound only catches a window that never shows it).
        cli.ok("shoal:add '" + torrents(work.resolve("more"), 3).get(2) + "' --paused --dir '"
                + work.resolve("downloads") + "'");
        ui.awaitStateLine("rows=3 total=3", DesktopIT.STARTUP);

        cli.ok("ui:latency", "reset");
        java.util.Set<String> asked = threadNames();
        assertTrue(asked.contains(PROBE_THREAD), () -> "ui:latency started no probe: " + asked);
    }

    /** The desktop's threads by name, as the kernel knows them (Java names them so on Linux, 15 characters). */
    private java.util.Set<String> threadNames() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(app.process().pid()), "task"))) {
            return tasks.map(task -> {
                try {
                    return Files.readString(task.resolve("comm")).strip();
                } catch (IOException gone) {
                    return "";
                }
            }).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** {@code count} 1-piece torrents whose data is not on disk (added paused, they never change). */
    static java.util.List<Path> torrents(Path folder, int count) throws Exception {
        Files.createDirectories(folder);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("rest-%s-%d.bin", folder.getFileName(), i);
            Map<String, Object> info = Bencode.dict("length", 1_000L + i, "name", name, "piece length", 16_384L,
                    "pieces", sha1.digest(name.getBytes(StandardCharsets.UTF_8)));
            files.add(Files.write(folder.resolve(name + ".torrent"),
                    Bencode.encode(Bencode.dict("announce", "http://127.0.0.1:9/announce", "info", info))));
        }
        return files;
    }
}
