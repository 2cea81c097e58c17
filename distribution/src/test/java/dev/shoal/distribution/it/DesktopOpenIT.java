package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.LocalHttpServer;
import dev.shoal.test.support.Processes;
import dev.shoal.test.support.SwarmData;
import dev.shoal.test.support.SystemProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's first download: no Shoal runs, and a file manager or a browser runs {@code shoal X.torrent}
 * (or several at once, or a link). The window starts, and each one shows in its add dialog once the
 * window is up, however long that takes: nothing handed over before the window is dropped.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class DesktopOpenIT {

    /** Starting a JVM, a framework and a window on a loaded 2-core machine: a bound on a hang, not a claim. */
    private static final Duration UP_WITHIN = Duration.ofSeconds(120);
    private static final Duration MOVES_WITHIN = Duration.ofSeconds(120);
    private static final String ADD = "Add torrent";
    /** A window's name in {@code xwininfo -tree}: {@code 0x200333 "Add torrent": ("Shoal" "Shoal") ...}. */
    private static final Pattern NAME = Pattern.compile("0x\\p{XDigit}+ \"([^\"]*)\":");

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_CLASS, TestSwarm.Announce.HTTP);

    @RegisterExtension
    static final VirtualDisplay display = new VirtualDisplay();

    @RegisterExtension
    final LocalHttpServer web = LocalHttpServer.start();

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
    void aTorrentOpenedWithShoalClosedShowsInTheAddDialogAndDownloadsFromARealSeed() throws Exception {
        Shoal shoal = new Shoal(work);
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        Path download = swarm.newDirectory("opened-closed");
        String name = swarm.torrent().name();
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir()).start()) {
            long launched = System.nanoTime();
            desktop = ShoalDaemon.openInDesktop(shoal, work, display.name(), List.of(swarm.torrentFile().toString()));
            DesktopDriver ui = new DesktopDriver(new ShoalCli(shoal), desktop::output);
            desktop.awaitRemoteShell(UP_WITHIN);
            ui.awaitShell(ADD, UP_WITHIN);
            System.out.printf("DesktopOpenIT: the add dialog showed %d ms after the launch%n",
                    (System.nanoTime() - launched) / 1_000_000);
            ui.field(ADD, "Save to", download.toString());
            ui.button(ADD, "Add");

            DesktopDriver.Row row = ui.awaitRow(name, "downloading", MOVES_WITHIN,
                    r -> r.state().contains("download") && r.progress() > 0 || r.progress() >= 100);
            System.out.println("DesktopOpenIT: listed: " + row.cells());
            ui.awaitRow(name, "complete", MOVES_WITHIN, r -> r.progress() >= 100);
            swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
            assertEquals(List.of("Shoal"), ui.shells(), "the add dialog closed, and no other window opened");
        }
    }

    @Test
    void severalTorrentsALinkAndAMagnetOpenedAtOnceEachShowOnceTheWindowIsUp() throws Exception {
        Shoal shoal = new Shoal(work);
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        Path content = Files.createDirectories(work.resolve("content"));
        Path first = torrentOf(shoal, Fixtures.randomFile(content.resolve("first.bin"), 300_000, 1));
        Path second = torrentOf(shoal, Fixtures.randomFile(content.resolve("second.bin"), 200_000, 2));
        Path linked = torrentOf(shoal, Fixtures.randomFile(content.resolve("linked.bin"), 100_000, 3));
        web.on("/linked.torrent", LocalHttpServer.bytes(200, "application/x-bittorrent", Files.readAllBytes(linked)));
        String magnet = "magnet:?xt=urn:btih:" + "ab".repeat(20) + "&dn=a%20magnet";

        desktop = ShoalDaemon.openInDesktop(shoal, work, display.name(), List.of(first.toString(),
                second.toString(), web.uri("/linked.torrent").toString(), magnet));
        DesktopDriver ui = new DesktopDriver(new ShoalCli(shoal), desktop::output);
        desktop.awaitRemoteShell(UP_WITHIN);
        ui.awaitWindow(UP_WITHIN);
        awaitShells(ui, ADD, 3);
        // Magnets are refused, in a window of their own, until metadata exchange (BEP 9) exists.
        ui.awaitShell("Error", UP_WITHIN);
        System.out.println("DesktopOpenIT: windows after opening four at once: " + ui.shells());
        assertTitlesAsWritten(List.of("Shoal", ADD, "Error"));
        ui.screenshot(DesktopIT.SCREENSHOTS.resolve("opened-at-once.png"));

        for (int dialog = 0; dialog < 3; dialog++) {
            ui.field(ADD, "Save to", content.toString());
            ui.button(ADD, "Add");
            awaitShells(ui, ADD, 2 - dialog);
        }
        for (String name : List.of("first.bin", "second.bin", "linked.bin")) {
            // The data is in the folder chosen: each is checked complete and seeds.
            DesktopDriver.Row row = ui.awaitRow(name, "checked complete", MOVES_WITHIN, r -> r.progress() >= 100);
            System.out.println("DesktopOpenIT: listed: " + row.cells());
        }
        assertTrue(web.requests().stream().anyMatch(uri -> uri.getPath().equals("/linked.torrent")),
                "the link was fetched from the test's server");
    }

    /**
     * The titles the X server has for our windows (what task lists and window switchers show) are the
     * titles as written: SWT on GTK pads them with spaces unless the window sets them itself.
     */
    private static void assertTitlesAsWritten(List<String> titles) {
        Processes.Result tree = Processes.run(List.of(SystemProgram.require("xwininfo").toString(), "-root", "-tree"),
                Map.of("DISPLAY", display.name()), null, Duration.ofSeconds(30)).assertSuccess();
        List<String> names = NAME.matcher(tree.stdout()).results().map(m -> m.group(1)).toList();
        for (String title : titles) {
            assertTrue(names.contains(title), () -> "no window named exactly \"" + title + "\": " + names);
            assertTrue(names.stream().noneMatch(name -> name.strip().equals(title) && !name.equals(title)),
                    () -> "a window named \"" + title + "\" with spaces around it: " + names);
        }
    }

    private static Path torrentOf(Shoal shoal, Path file) {
        Path torrent = file.resolveSibling(file.getFileName() + ".torrent");
        Processes.Result made = shoal.run("create", file.toString(), "-o", torrent.toString());
        assertEquals(0, made.exitCode(), made::describe);
        return torrent;
    }

    /** Waits until exactly {@code count} windows titled {@code title} are open. */
    private static void awaitShells(DesktopDriver ui, String title, int count) {
        long deadline = System.nanoTime() + UP_WITHIN.toNanos();
        List<String> shells = ui.shells();
        while (shells.stream().filter(title::equals).count() != count) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(count + " windows titled " + title + " never showed within "
                        + UP_WITHIN.toSeconds() + " s; open: " + shells);
            }
            ShoalGet.sleep(Duration.ofMillis(200));
            shells = ui.shells();
        }
    }
}
