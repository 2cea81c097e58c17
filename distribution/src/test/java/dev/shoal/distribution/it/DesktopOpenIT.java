package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.LocalHttpServer;
import dev.shoal.test.support.Processes;
import dev.shoal.test.support.SwarmData;
import dev.shoal.test.support.SystemProgram;
import dev.shoal.test.support.Torrent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's first download: no Shoal runs, and a file manager or a browser runs {@code shoal X.torrent}
 * (or several at once, or a link). The window starts, and each one shows in its add dialog once the
 * window is up, however long that takes: nothing handed over before the window is dropped. A magnet
 * link needs no dialog (there is no file list before the metadata): its row appears at once under the
 * link's name ({@code dn}, else the info-hash), in state {@code metadata} unless the metadata came
 * first, turns into the torrent's own name and completes byte-exact from a libtorrent seed that the
 * link's {@code x.pe} names, whether Shoal was closed or open. Times are printed, never asserted.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class DesktopOpenIT {

    /** Starting a JVM, a framework and a window on a loaded 2-core machine: a bound on a hang, not a claim. */
    private static final Duration UP_WITHIN = Duration.ofSeconds(120);
    private static final Duration MOVES_WITHIN = Duration.ofSeconds(120);
    private static final String ADD = "Add torrent";
    /** The seeds of magnet links are capped so that a row can be seen downloading before it completes. */
    private static final int SEED_RATE_MIB = 24;
    private static final long SMALL_SIZE = 6L << 20;
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
        // No peer has this one: it stays fetching its metadata, in the configured download directory.
        String magnet = "magnet:?xt=urn:btih:" + "ab".repeat(20) + "&dn=a%20magnet";
        ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.engine",
                Map.of("downloadDirectory", Files.createDirectories(work.resolve("downloads")).toString()));

        desktop = ShoalDaemon.openInDesktop(shoal, work, display.name(), List.of(first.toString(),
                second.toString(), web.uri("/linked.torrent").toString(), magnet));
        DesktopDriver ui = new DesktopDriver(new ShoalCli(shoal), desktop::output);
        desktop.awaitRemoteShell(UP_WITHIN);
        ui.awaitWindow(UP_WITHIN);
        awaitShells(ui, ADD, 3);
        // A magnet needs no dialog (no file list before its metadata): it is added at once, and fetches.
        DesktopDriver.Row fetching = ui.awaitRow("a magnet", "fetching its metadata", MOVES_WITHIN,
                r -> r.state().equals("metadata"));
        System.out.println("DesktopOpenIT: windows after opening four at once: " + ui.shells() + "; the magnet: "
                + fetching.cells());
        assertTitlesAsWritten(List.of("Shoal", ADD));
        assertMetadataDetails(ui, fetching.get("#"));
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

    @Test
    void magnetsOpenedWithShoalClosedAndOpenFetchTheirMetadataAndDownloadInTheWindow() throws Exception {
        Shoal shoal = new Shoal(work);
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        Path downloads = Files.createDirectories(work.resolve("downloads"));
        ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.engine", Map.of("downloadDirectory", downloads.toString()));
        Path content = Fixtures.randomFile(work.resolve("small-content").resolve("small.bin"), SMALL_SIZE, 14);
        Torrent small = Torrent.mktorrent(content, work.resolve("small.torrent"), List.of(), 16);

        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir())
                .uploadLimit((long) SEED_RATE_MIB << 20).start();
                LibtorrentPeer smallSeed = LibtorrentPeer.seed(small, content.getParent())
                        .uploadLimit((long) SEED_RATE_MIB << 20).start()) {
            Supplier<String> logs = () -> desktop.output() + TestSwarm.logs(seed, smallSeed).get();
            // No dn: the row is named by the info-hash until the metadata comes.
            String closed = "magnet:?xt=urn:btih:" + swarm.torrent().infoHash() + "&x.pe=127.0.0.1:" + seed.port();
            long launched = System.nanoTime();
            desktop = ShoalDaemon.openInDesktop(shoal, work, display.name(), List.of(closed));
            DesktopDriver ui = new DesktopDriver(new ShoalCli(shoal), logs);
            desktop.awaitRemoteShell(UP_WITHIN);
            ui.awaitWindow(UP_WITHIN);
            listed(ui, swarm.torrent().infoHash(), swarm.torrent().name(), launched);
            ui.awaitRow(swarm.torrent().name(), "under its own name, downloading", MOVES_WITHIN,
                    row -> row.state().contains("download") || row.progress() >= 100);
            double toName = seconds(launched);
            DesktopDriver.Row done = ui.awaitRow(swarm.torrent().name(), "complete", MOVES_WITHIN,
                    row -> row.progress() >= 100);
            System.out.printf("DesktopOpenIT: shoal closed: %s's own name at %.1f s, complete (%s, seed capped at"
                    + " %d MiB/s) at %.1f s after the launch, with JVM and window start; row %s%n",
                    swarm.torrent().name(), toName, ShoalGet.mib(swarm.size()), SEED_RATE_MIB, seconds(launched),
                    done.cells());
            swarm.assertDownloaded(downloads, SwarmData.Compare.EXACT);
            showTabs(ui, done.get("#"));
            ui.tab("Files");
            assertTrue(ui.tabText().size() > 1, () -> "the Files tab lists the torrent's files now: " + ui.tabText());

            // With it open: a second launch hands the link over and exits; again no dialog.
            String dn = "waiting for metadata";
            String open = "magnet:?xt=urn:btih:" + small.infoHash() + "&dn=" + URLEncoder.encode(dn,
                    StandardCharsets.UTF_8).replace("+", "%20") + "&x.pe=127.0.0.1:" + smallSeed.port();
            long handed = System.nanoTime();
            Processes.Result second = shoal.run(open);
            assertEquals(0, second.exitCode(), () -> "the second launch\n" + second.describe() + logs.get());
            listed(ui, dn, small.name(), handed);
            DesktopDriver.Row smallDone = ui.awaitRow(small.name(), "complete under its own name", MOVES_WITHIN,
                    row -> row.progress() >= 100);
            System.out.printf("DesktopOpenIT: shoal open: %s complete (%s) %.1f s after the second launch;"
                    + " row %s%n", small.name(), ShoalGet.mib(SMALL_SIZE), seconds(handed), smallDone.cells());
            assertEquals(-1, Files.mismatch(content, downloads.resolve("small.bin")), "small.bin byte for byte");
            assertEquals(List.of("Shoal"), ui.shells(), "no add dialog and no error: a magnet is added at once");
        }
    }

    /** The row first seen, under the link's name ({@code linkName}, then fetching) or already its own. */
    private static DesktopDriver.Row listed(DesktopDriver ui, String linkName, String ownName, long since) {
        DesktopDriver.Row row = ui.awaitRow(List.of(linkName, ownName), "listed", MOVES_WITHIN, r -> true);
        System.out.printf("DesktopOpenIT: first seen %.1f s after the launch: %s%n", seconds(since), row.cells());
        if (row.get("Name").equals(linkName)) {
            assertEquals("metadata", row.state(), () -> "under the link's name: " + row.cells());
        }
        return row;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Selects row {@code id} and prints each details tab: none may fail. */
    private static void showTabs(DesktopDriver ui, String id) {
        ui.select(id);
        for (String tab : List.of("General", "Files", "Peers", "Trackers", "Speed")) {
            ui.tab(tab);
            System.out.println("DesktopOpenIT: " + tab + " tab of #" + id + ":\n" + String.join("\n", ui.tabText()));
        }
    }

    /** The details tabs of a torrent without its metadata yet: the info-hash, no files, no pieces. */
    private static void assertMetadataDetails(DesktopDriver ui, String id) {
        showTabs(ui, id);
        ui.tab("General");
        assertTrue(ui.tabText().stream().anyMatch(line -> line.contains("ab".repeat(20))),
                () -> "the General tab shows the link's info-hash: " + ui.tabText());
        assertTrue(ui.tabText().stream().anyMatch(line -> line.contains("0/0 pieces")),
                () -> "no pieces before the metadata: " + ui.tabText());
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
