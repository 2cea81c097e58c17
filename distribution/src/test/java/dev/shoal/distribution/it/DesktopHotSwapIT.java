package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.Processes;
import dev.shoal.test.support.RouterNamespace;
import dev.shoal.test.support.SwarmData;

/**
 * The window's bundle stopped and started while a download runs: stopping closes the window (its
 * commands go with it) and the download goes on; starting it again shows the torrent where it is
 * now; the download completes byte-exact. The torrent creator's bundle stopped, updated and started
 * under an open "Create torrent" dialog: the window and the dialog stay, Create says in one line that
 * creation is away, and makes the torrent once it is back. Port mapping's bundle stopped and started,
 * and its settings changed, under the window: the status bar's indicator follows each (off, not
 * running, not mapped with no router to ask).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DesktopHotSwapIT {

    private static final int SEED_RATE_MIB = 5;
    private static final Duration MOVES_WITHIN = Duration.ofSeconds(60);
    private static final String CREATE = "Create torrent";
    private static final Pattern PORTMAP_BUNDLE = Pattern.compile(
            "^\\s*(\\d+)\\|\\w+\\s*\\|.*dev\\.shoal\\.portmap \\(", Pattern.MULTILINE);
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
        DesktopDriver ui = startDesktop(shoal, cli);
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

    @Test
    void theCreatorsBundleSwappedUnderAnOpenCreateDialogWhichStays() throws Exception {
        Shoal shoal = new Shoal(work);
        ShoalCli cli = new ShoalCli(shoal);
        DesktopDriver ui = startDesktop(shoal, cli);
        CreatorSwap swap = CreatorSwap.of(shoal, work, desktop::output);
        String expected = swap.creates("creating with the window up");

        ui.press("create");
        ui.awaitShell(CREATE, DesktopIT.STARTUP);
        ui.field(CREATE, "Source", swap.content().toString());
        List<String> shells = ui.shells();
        String bundle = uiBundle(cli, "ACTIVE");

        swap.stop();
        assertEquals(shells, ui.shells(), "the window and the dialog after stopping " + CreatorSwap.BUNDLE);
        Path refused = swap.torrent("from-the-dialog-without.torrent");
        ui.field(CREATE, "Save as", refused.toString());
        ui.button(CREATE, "Create");
        ui.awaitShell("Error", DesktopIT.STARTUP);
        // The dialog's own log line ("desktop: "), not the shell's refusal above.
        await("the dialog saying why", () -> desktop.output().contains("desktop: " + CreatorSwap.UNAVAILABLE));
        ui.button("Error", "OK");
        assertFalse(Files.exists(refused), "the dialog wrote a torrent without the creator");

        swap.update();
        assertEquals(shells, ui.shells(), "the window and the dialog after updating " + CreatorSwap.BUNDLE);
        assertEquals(expected, swap.start(), "shoal:create after the swap");
        assertEquals(shells, ui.shells(), "the window and the dialog after starting " + CreatorSwap.BUNDLE);

        Path made = swap.torrent("from-the-dialog.torrent");
        ui.field(CREATE, "Save as", made.toString());
        ui.button(CREATE, "Create");
        await("the dialog's torrent", () -> Files.isRegularFile(made));
        assertEquals(expected, swap.infoHash(made), "the dialog's torrent after the swap");
        assertEquals(bundle, uiBundle(cli, "ACTIVE"), "the window's bundle");
        System.out.println("DesktopHotSwapIT: " + CreatorSwap.BUNDLE + " stopped, updated, started under " + shells
                + "; the dialog made " + expected);
        ui.button(CREATE, "Cancel");
    }

    @Test
    void thePortMappingIndicatorFollowsItsBundleAndSettings() throws Exception {
        Shoal shoal = new Shoal(work);
        ShoalCli cli = new ShoalCli(shoal);
        DesktopDriver ui = startDesktop(shoal, cli);
        // The daemons of these tests run with port mapping off (ShoalDaemon.extrasOff): no real router is asked.
        List<String> off = awaitPorts(cli, "off", line -> line.matches("Port \\d+: mapping off · reachable: unknown"));
        assertTrue(off.stream().anyMatch(line -> line.startsWith("Port mapping is off")), "the tooltip: " + off);
        assertTrue(cli.ok("ui:state").lines().map(String::strip).anyMatch(off.get(0)::equals),
                "ui:state lists the status bar's port mapping line");
        ui.screenshot(DesktopIT.SCREENSHOTS.resolve("status-bar-ports-off.png"));

        Matcher bundle = PORTMAP_BUNDLE.matcher(cli.ok("lb -s"));
        assertTrue(bundle.find(), "lb -s lists dev.shoal.portmap");
        cli.ok("stop", bundle.group(1));
        awaitPorts(cli, "not running", "Port mapping: not running"::equals);
        cli.ok("start", bundle.group(1));
        awaitPorts(cli, "off again", off.get(0)::equals);

        // On, asking only an interface that does not exist: nothing leaves this machine, and no router is found.
        ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.portmap", Map.of("enabled", "true",
                "interfaces", "shoalnone0"));
        List<String> on = awaitPorts(cli, "on without a router",
                line -> line.matches("Port \\d+: not mapped, no router found · reachable: unknown"));
        assertTrue(on.contains("Gateways: none found"), "the tooltip: " + on);
        ui.screenshot(DesktopIT.SCREENSHOTS.resolve("status-bar-ports-not-mapped.png"));
        System.out.println("DesktopHotSwapIT: ui:ports, mapping off:\n" + String.join("\n", off)
                + "\nDesktopHotSwapIT: ui:ports, on without a router:\n" + String.join("\n", on));
    }

    @Test
    void thePortMappingIndicatorShowsARoutersMapping() throws Exception {
        try (RouterNamespace router = RouterNamespace.start(Files.createDirectories(work.resolve("router")))) {
            Shoal shoal = new Shoal(work);
            ShoalCli cli = new ShoalCli(shoal);
            // Only the test's router is asked: miniupnpd in its own network namespace, behind the interface it made.
            ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.portmap", Map.of("enabled", "true",
                    "interfaces", router.hostInterface));
            DesktopDriver ui = startDesktop(shoal, cli);
            List<String> mapped = awaitPorts(cli, "mapped", line -> line.matches("Port \\d+: mapped to "
                    + RouterNamespace.EXTERNAL.replace(".", "\\.") + ":\\d+ \\((PCP|NAT-PMP|UPnP)\\) · reachable: likely"));
            assertTrue(mapped.stream().anyMatch(line -> line.startsWith("External address: " + RouterNamespace.EXTERNAL)),
                    "the tooltip: " + mapped);
            ui.screenshot(DesktopIT.SCREENSHOTS.resolve("status-bar-ports-mapped.png"));
            System.out.println("DesktopHotSwapIT: ui:ports, mapped by miniupnpd:\n" + String.join("\n", mapped));
            desktop.close(); // before the router goes
            desktop = null;
        }
    }

    /** Polls {@code ui:ports} until its first line (the status bar's) passes {@code goal}; all its lines. */
    private List<String> awaitPorts(ShoalCli cli, String what, Predicate<String> goal) {
        String[] last = {""};
        await("the port mapping indicator " + what, () -> {
            Processes.Result result = cli.run("ui:ports");
            last[0] = result.exitCode() == 0 ? result.stdout() : result.describe();
            return result.exitCode() == 0 && goal.test(result.stdout().lines().findFirst().orElse("").strip());
        }, () -> "ui:ports said:\n" + last[0]);
        return last[0].lines().map(String::strip).toList();
    }

    /** The desktop app on its own data directory, its peers on loopback, up to its window. */
    private DesktopDriver startDesktop(Shoal shoal, ShoalCli cli) throws IOException {
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        desktop = ShoalDaemon.startDesktop(shoal, work, display.name()).awaitRemoteShell(DesktopIT.STARTUP);
        DesktopDriver ui = new DesktopDriver(cli, desktop::output);
        ui.awaitWindow(DesktopIT.STARTUP);
        return ui;
    }

    /** Polls {@code goal} for a while; a liveness bound, not a figure. */
    private void await(String what, BooleanSupplier goal) {
        await(what, goal, () -> "");
    }

    private void await(String what, BooleanSupplier goal, Supplier<String> said) {
        long deadline = System.nanoTime() + DesktopIT.STARTUP.toNanos();
        while (!goal.getAsBoolean()) {
            assertTrue(System.nanoTime() - deadline < 0, () -> "not " + what + " within " + DesktopIT.STARTUP.toSeconds()
                    + " s; " + said.get() + "\n" + desktop.output());
            ShoalGet.sleep(Duration.ofMillis(200));
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
