package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.Processes;
import dev.shoal.test.support.SwarmData;

/**
 * The desktop app in a real window under Xvfb, in a real swarm (a libtorrent seed capped at
 * {@value #SEED_RATE_MIB} MiB/s, a libtorrent leecher, opentracker). The torrent is opened the way a
 * browser or file manager does, with a second {@code shoal FILE.torrent} that hands it to the running
 * window; its add dialog is filled in and confirmed; the row goes to 100 %, the Peers tab lists the
 * seed, uploaded and ratio move, pause and resume work. The status bar shows the DHT node (on, with no
 * bootstrap node, so alone: "0 nodes (broken)"), read through the dev.shoal.dht.api service. Screenshots of the main window, the add
 * dialog and every tab go to {@code target/screenshots/}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DesktopIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration STARTUP = Duration.ofSeconds(60);
    private static final int SEED_RATE_MIB = 6;
    private static final Duration MOVES_WITHIN = Duration.ofSeconds(60);
    private static final List<String> TABS = List.of("General", "Files", "Peers", "Trackers", "Speed");

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_CLASS, TestSwarm.Announce.HTTP);

    @RegisterExtension
    static final VirtualDisplay display = new VirtualDisplay();

    @TempDir
    Path work;

    private ShoalDaemon desktop;

    @AfterEach
    void stopDesktop() throws InterruptedException {
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    void openedFromASecondLaunchDownloadsPausesResumesAndSeedsInTheWindow() throws Exception {
        Shoal shoal = new Shoal(work);
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        // On but with nothing to ask: no datagram leaves for the Internet's bootstrap nodes.
        ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.dht", Map.of("enabled", "true", "bootstrapNodes", ""));
        desktop = ShoalDaemon.startDesktop(shoal, work, display.name()).awaitRemoteShell(STARTUP);
        DesktopDriver ui = new DesktopDriver(new ShoalCli(shoal), desktop::output);
        ui.awaitWindow(STARTUP);
        ui.awaitStateLine("DHT: 0 nodes (broken)", STARTUP);
        Path download = swarm.newDirectory("desktop-download");
        String name = swarm.torrent().name();

        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir())
                .uploadLimit((long) SEED_RATE_MIB << 20).start();
                LibtorrentPeer leecher = LibtorrentPeer.leecher(swarm.torrent(), swarm.newDirectory("lt-leecher"))
                        .start()) {
            // What a file manager does: run Shoal with the file; it hands it over and exits.
            Processes.Result second = shoal.run(swarm.torrentFile().toString());
            assertEquals(0, second.exitCode(), () -> "the second launch\n" + second.describe() + desktop.output());
            ui.awaitShell("Add torrent", STARTUP);
            ui.field("Add torrent", "Save to", download.toString());
            ui.screenshot(SCREENSHOTS.resolve("add-dialog.png"), "Add torrent");
            ui.button("Add torrent", "Add");

            DesktopDriver.Row early = ui.awaitRow(name, "downloading", MOVES_WITHIN,
                    row -> row.state().contains("download") && row.progress() > 3);
            String id = early.get("#");
            ui.select(id);
            ui.tab("Peers");
            // The seed: dialled at its port, or (when it dialled us first) the peer that has everything.
            List<String> peers = ui.awaitTabLine("the seed on 127.0.0.1", MOVES_WITHIN,
                    line -> line.contains("127.0.0.1:" + seed.port()) || line.contains("127.0.0.1") && line.contains("100"));
            System.out.println("DesktopIT: Peers tab:\n" + String.join("\n", peers));
            for (String tab : TABS) {
                ui.tab(tab);
                ShoalGet.sleep(Duration.ofMillis(1500)); // a refresh or two, so the tab shows live figures
                ui.screenshot(SCREENSHOTS.resolve("tab-" + tab.toLowerCase() + ".png"));
                System.out.println("DesktopIT: " + tab + " tab:\n" + String.join("\n", ui.tabText()));
            }
            ui.tab("General");
            assertTrue(ui.tabText().stream().anyMatch(line -> line.contains(swarm.torrent().infoHash())),
                    "the General tab shows the info-hash");

            // Pause holds it; start moves it again.
            ui.press("pause");
            DesktopDriver.Row paused = ui.awaitRow(name, "paused", MOVES_WITHIN,
                    row -> row.state().contains("paused"));
            ShoalGet.sleep(Duration.ofSeconds(2));
            double heldAt = ui.row(name).orElseThrow().progress();
            assertEquals(heldAt, paused.progress(), 0.05, "a paused torrent does not move");
            ui.press("start");
            ui.awaitRow(name, "moving again after start", MOVES_WITHIN,
                    row -> row.state().contains("download") && row.progress() > heldAt);

            DesktopDriver.Row done = ui.awaitRow(name, "complete", Duration.ofSeconds(120),
                    row -> row.progress() >= 100);
            swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
            // The completion notice (a tray balloon, or a tooltip without a tray) was shown for it.
            ui.awaitStateLine("notice=Download complete: " + name, MOVES_WITHIN);
            DesktopDriver.Row sharing = ui.awaitRow(name, "uploading with a ratio", MOVES_WITHIN,
                    row -> row.ratio() > 0 && !row.get("Uploaded").startsWith("0 "));
            System.out.println("DesktopIT: at 100 %: " + done.cells() + "\nDesktopIT: sharing: " + sharing.cells());
            ui.screenshot(SCREENSHOTS.resolve("main-window.png"));
        }
    }
}
