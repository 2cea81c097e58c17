package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Search tab of the real window: the local-folder provider (configured by a dropped .cfg)
 * finds a torrent, the results table lists it, and adding a row (what a double-click does) opens
 * the add dialog and puts the torrent in the Torrents table.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DesktopSearchIT {

    /** Each try is a {@code shoal cli} JVM or two: generous for a loaded machine. */
    private static final Duration SEARCH_WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_CLASS, TestSwarm.Announce.HTTP);

    @RegisterExtension
    static final VirtualDisplay display = new VirtualDisplay();

    @TempDir
    Path work;

    private ShoalDaemon desktop;
    private Path cfgFile;

    @AfterEach
    void stopDesktop() throws InterruptedException {
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    void theSearchTabFindsATorrentAndADoubleClickAddsIt() throws Exception {
        Shoal shoal = new Shoal(work);
        ShoalCli cli = new ShoalCli(shoal);
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        Path shelf = Files.createDirectories(work.resolve("shelf"));
        String name = swarm.torrent().name();
        Files.copy(swarm.torrentFile(), shelf.resolve(name + ".torrent"));
        // One folder as a plain value (DS makes it a one-element String[]). A typed array would be
        // written back by FileInstall on every apply (arrays never compare equal), and once, under
        // load, its poll read that rewrite half done and applied no folders.
        ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.search.local", Map.of("folders", shelf.toString()));
        cfgFile = shoal.dataDir().resolve("plugins").resolve("dev.shoal.search.local.cfg");
        desktop = ShoalDaemon.startDesktop(shoal, work, display.name()).awaitRemoteShell(DesktopIT.STARTUP);
        DesktopDriver ui = new DesktopDriver(cli, desktop::output);
        ui.awaitWindow(DesktopIT.STARTUP);

        String state = awaitSearchDone(cli, name);
        String hits = cli.ok("ui:hits");
        System.out.println("DesktopSearchIT: ui:search said:\n" + state + "\nui:hits:\n" + hits);
        assertTrue(hits.lines().skip(1).anyMatch(line -> line.startsWith(name + " | ")),
                () -> "the results table lists " + name + ":\n" + hits);
        assertTrue(cli.ok("ui:state").contains("view=Search"), "the Search tab is in front");
        ui.screenshot(DesktopIT.SCREENSHOTS.resolve("search-tab.png"));

        cli.ok("ui:fetch", "0");
        ui.awaitShell("Add torrent", DesktopIT.STARTUP);
        ui.field("Add torrent", "Save to", swarm.newDirectory("searched").toString());
        ui.button("Add torrent", "Add");
        ui.awaitRow(name, "added from the search", SEARCH_WAIT, row -> true);
        assertTrue(cli.ok("shoal:list").contains(name), "the engine has it");
    }

    /** Starts the search as the user would and waits until every provider answered; ui:search's state. */
    private String awaitSearchDone(ShoalCli cli, String name) {
        String word = name.split("[^A-Za-z0-9]+")[0];
        long deadline = System.nanoTime() + SEARCH_WAIT.toNanos();
        String state = "";
        // The provider is registered a moment after the window: the first searches may find no provider.
        while (System.nanoTime() - deadline < 0) {
            dev.shoal.test.support.Processes.Result started = cli.run("ui:search", word, "--provider", "local");
            state = started.exitCode() == 0 ? started.stdout() : started.describe();
            while (state.contains("status=searching") && System.nanoTime() - deadline < 0) {
                ShoalGet.sleep(Duration.ofMillis(200));
                state = cli.ok("ui:search");
            }
            if (state.contains("status=done") && !state.contains("hits=0")) {
                return state;
            }
            ShoalGet.sleep(Duration.ofMillis(500));
        }
        String cfg;
        try {
            cfg = Files.readString(cfgFile);
        } catch (java.io.IOException e) {
            cfg = e.toString();
        }
        throw new AssertionError("the search never finished with hits; ui:search said:\n" + state + "\n.cfg now:\n"
                + cfg + "\nshoal:config:\n" + cli.run("shoal:config", "dev.shoal.search.local").describe() + "\n"
                + desktop.output());
    }
}
