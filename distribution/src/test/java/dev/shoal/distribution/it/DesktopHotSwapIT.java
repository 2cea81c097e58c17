package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.Processes;
import dev.shoal.test.support.SwarmData;

/**
 * The window's bundle stopped and started while a download runs: stopping closes the window (its
 * commands go with it) and the download goes on; starting it again shows the torrent where it is
 * now; the download completes byte-exact.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DesktopHotSwapIT {

    private static final int SEED_RATE_MIB = 5;
    private static final Duration MOVES_WITHIN = Duration.ofSeconds(60);
    private static final Pattern UI_BUNDLE = Pattern.compile("^\\s*(\\d+)\\|(\\w+)\\s*\\|.*dev\\.shoal\\.ui\\.swt \\(",
            Pattern.MULTILINE);

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
    void stoppingTheWindowsBundleLeavesTheDownloadRunningAndStartingItShowsItAgain() throws Exception {
        Shoal shoal = new Shoal(work);
        ShoalCli cli = new ShoalCli(shoal);
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        desktop = ShoalDaemon.startDesktop(shoal, work, display.name()).awaitRemoteShell(DesktopIT.STARTUP);
        DesktopDriver ui = new DesktopDriver(cli, desktop::output);
        ui.awaitWindow(DesktopIT.STARTUP);
        Path download = swarm.newDirectory("hot-swap-download");
        String name = swarm.torrent().name();
        String hash = swarm.torrent().infoHash().substring(0, 8);

        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir())
                .uploadLimit((long) SEED_RATE_MIB << 20).start()) {
            cli.ok("shoal:add", swarm.torrentFile().toString(), "--dir", download.toString());
            ui.awaitRow(name, "downloading", MOVES_WITHIN, row -> row.progress() > 3);

            String bundle = uiBundle(cli, "ACTIVE");
            cli.ok("stop", bundle);
            assertEquals("RESOLVED", uiBundleState(cli), "the ui bundle stopped");
            Processes.Result gone = cli.run("ui:shells");
            assertNotEquals(0, gone.exitCode(), () -> "the window's commands outlived its bundle:\n" + gone.describe());
            ShoalCli.Info before = cli.info(hash);
            ShoalCli.Info moving = cli.awaitInfo(hash, "downloading without the window", MOVES_WITHIN,
                    info -> info.done() > before.done() + 3, desktop::output);
            System.out.printf("DesktopHotSwapIT: without the window %.1f%% -> %.1f%%%n", before.done(), moving.done());

            cli.ok("start", bundle);
            ui.awaitWindow(DesktopIT.STARTUP);
            DesktopDriver.Row back = ui.awaitRow(name, "shown again, where the download is now", MOVES_WITHIN,
                    row -> row.progress() >= moving.done() - 0.5);
            System.out.println("DesktopHotSwapIT: the window again: " + back.cells());
            ui.screenshot(DesktopIT.SCREENSHOTS.resolve("after-hot-swap.png"));

            cli.awaitInfo(hash, "complete", Duration.ofSeconds(120), info -> info.done() == 100,
                    () -> desktop.output() + TestSwarm.logs(seed).get());
            swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
            ui.awaitRow(name, "complete in the window", MOVES_WITHIN, row -> row.progress() >= 100);
        }
    }

    private static String uiBundle(ShoalCli cli, String state) {
        Matcher matcher = UI_BUNDLE.matcher(cli.ok("lb -s"));
        assertTrue(matcher.find(), "lb -s lists dev.shoal.ui.swt");
        assertEquals(state, matcher.group(2).toUpperCase(), "the ui bundle's state");
        return matcher.group(1);
    }

    private static String uiBundleState(ShoalCli cli) {
        Matcher matcher = UI_BUNDLE.matcher(cli.ok("lb -s"));
        assertTrue(matcher.find(), "lb -s lists dev.shoal.ui.swt");
        return matcher.group(2).toUpperCase();
    }
}
