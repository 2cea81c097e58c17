package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 torrents in the window (made here, added paused, no peers): the table scrolls, sorts by
 * every column both ways and filters, and the display thread is never busy for more than
 * {@value #BUSY_LIMIT_MS} ms at a stretch. The event loop times every dispatch itself; the figures
 * are printed for the report.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DesktopManyTorrentsIT {

    private static final int COUNT = 10_000;
    private static final int PER_SCRIPT = 2_000;
    private static final long BUSY_LIMIT_MS = 100;
    private static final List<String> COLUMNS = List.of("Name", "Size", "Progress", "State", "Down", "Up", "ETA",
            "Seeds", "Peers", "Uploaded", "Ratio", "#");
    private static final Pattern ROWS = Pattern.compile("rows\\D{0,3}(\\d+)");

    @TempDir
    Path work;

    @RegisterExtension
    static final VirtualDisplay display = new VirtualDisplay();

    private ShoalDaemon desktop;

    @AfterEach
    void stop() throws InterruptedException {
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    void tenThousandTorrentsScrollSortAndFilterWithoutStallingTheDisplayThread() throws Exception {
        Shoal shoal = new Shoal(work);
        ShoalCli cli = new ShoalCli(shoal);
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        desktop = ShoalDaemon.startDesktop(shoal, work, display.name()).awaitRemoteShell(DesktopIT.STARTUP);
        DesktopDriver ui = new DesktopDriver(cli, desktop::output);
        ui.awaitWindow(DesktopIT.STARTUP);

        long adding = System.nanoTime();
        for (Path script : addScripts(work.resolve("torrents"), work.resolve("downloads"))) {
            cli.ok("source '" + script + "'");
        }
        System.out.printf("DesktopManyTorrentsIT: %d torrents added in %d ms%n", COUNT,
                (System.nanoTime() - adding) / 1_000_000);
        awaitRows(cli, COUNT, Duration.ofSeconds(60));

        ui.latency("reset");
        for (int round = 0; round < 2; round++) {
            for (int top = 0; top < COUNT; top += 1_250) {
                cli.ok("ui:scroll", String.valueOf(top));
            }
            for (String column : COLUMNS) {
                String word = "'" + column + "'"; // '#' unquoted starts a Gogo comment
                cli.ok("ui:sort", word, "asc");
                cli.ok("ui:sort", word, "desc");
            }
            cli.ok("ui:filter", "paused");
            cli.ok("ui:scroll", String.valueOf(COUNT - 20));
            cli.ok("ui:filter", "all", "many-0999");
            awaitRows(cli, 10, Duration.ofSeconds(10));
            cli.ok("ui:filter", "downloading");
            cli.ok("ui:filter", "all");
            awaitRows(cli, COUNT, Duration.ofSeconds(10));
        }
        cli.ok("ui:sort", "Name", "asc");
        cli.ok("ui:scroll", "5000");
        // Read before the screenshot: capturing the window is the test's own instrument (a copy of
        // every pixel and a PNG encoding on the display thread), not work the window does for a user.
        System.out.println("DesktopManyTorrentsIT: ui:latency says: " + cli.ok("ui:latency"));
        Map<String, Double> latency = ui.latency();
        ui.screenshot(DesktopIT.SCREENSHOTS.resolve("ten-thousand-torrents.png"));
        List<DesktopDriver.Row> shown = DesktopDriver.parseRows(cli.ok("ui:rows")).subList(0, 3);
        assertTrue(shown.get(0).get("Name").compareTo(shown.get(1).get("Name")) < 0, () -> "sorted by name: " + shown);
        System.out.println("DesktopManyTorrentsIT: event loop with " + COUNT + " torrents: " + latency);
        assertTrue(latency.getOrDefault("dispatches", 0.0) > 100, () -> "the loop was not measured: " + latency);
        assertTrue(latency.get("maxBusyMs") <= BUSY_LIMIT_MS,
                () -> "the display thread was busy for " + latency.get("maxBusyMs") + " ms at a stretch: " + latency
                        + "\n" + desktop.output());
    }

    /** Scripts of {@code shoal:add --paused} lines, one torrent each, a 1-piece file that is not on disk. */
    private static List<Path> addScripts(Path torrents, Path downloads) throws Exception {
        Files.createDirectories(torrents);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        List<Path> scripts = new ArrayList<>();
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < COUNT; i++) {
            String name = String.format("many-%05d.bin", i);
            Map<String, Object> info = Bencode.dict("length", 1_000L + i, "name", name, "piece length", 16_384L,
                    "pieces", sha1.digest(name.getBytes(StandardCharsets.UTF_8)));
            Path file = Files.write(torrents.resolve(name + ".torrent"),
                    Bencode.encode(Bencode.dict("announce", "http://127.0.0.1:9/announce", "info", info)));
            script.append("shoal:add '").append(file).append("' --paused --dir '").append(downloads).append("'\n");
            if ((i + 1) % PER_SCRIPT == 0) {
                scripts.add(Files.writeString(torrents.resolve("add-" + scripts.size() + ".gosh"), script));
                script.setLength(0);
            }
        }
        assertEquals(COUNT / PER_SCRIPT, scripts.size());
        return scripts;
    }

    private static void awaitRows(ShoalCli cli, int rows, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String state = "";
        while (System.nanoTime() - deadline < 0) {
            state = cli.ok("ui:state");
            Matcher matcher = ROWS.matcher(state);
            if (matcher.find() && Integer.parseInt(matcher.group(1)) == rows) {
                return;
            }
            ShoalGet.sleep(Duration.ofMillis(300));
        }
        throw new AssertionError("the table never showed " + rows + " rows; ui:state said: " + state);
    }
}
