package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.Processes;

/**
 * Every item of the desktop's menu bar, toolbar, torrent context menu and tray menu, clicked through
 * the driver ({@code ui:menu "Torrent/Pause"}, {@code ui:toolbar Pause}, {@code ui:context ...},
 * {@code ui:tray ...}) with two real torrents in the window, reaches its command: the engine's state
 * as {@code shoal:info} tells it, the clipboard for the copy actions, the dialog for the dialog
 * actions (then cancelled). Not clicked: File > Open torrent… and the toolbar's Open, whose GTK file
 * chooser is no SWT shell a test can close; they are listed and enabled.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DesktopMenusIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @RegisterExtension
    static final VirtualDisplay display = new VirtualDisplay();

    @TempDir
    Path work;

    private ShoalDaemon desktop;
    private ShoalCli cli;
    private DesktopDriver ui;

    @AfterEach
    void stopDesktop() throws InterruptedException {
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    void everyMenuToolbarContextAndTrayItemReachesItsCommand() throws Exception {
        Shoal shoal = new Shoal(work);
        cli = new ShoalCli(shoal);
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        Path seedDir = Files.createDirectories(work.resolve("seed"));
        Path leechDir = Files.createDirectories(work.resolve("leech"));
        Path fileA = Fixtures.randomFile(seedDir.resolve("menus-a.bin"), 300_000, 1);
        Path fileB = Fixtures.randomFile(work.resolve("data-b").resolve("menus-b.bin"), 200_000, 2);
        String hashA = create(shoal, fileA);
        String hashB = create(shoal, fileB);
        desktop = ShoalDaemon.startDesktop(shoal, work, display.name()).awaitRemoteShell(DesktopIT.STARTUP);
        ui = new DesktopDriver(cli, desktop::output);
        ui.awaitWindow(DesktopIT.STARTUP);
        cli.ok("shoal:add", work.resolve("menus-a.torrent").toString(), "--dir", seedDir.toString());
        cli.ok("shoal:add", work.resolve("menus-b.torrent").toString(), "--dir", leechDir.toString());
        String a = ui.awaitRow("menus-a.bin", "seeding", WITHIN, row -> row.state().contains("seed")).get("#");
        String b = ui.awaitRow("menus-b.bin", "shown", WITHIN, row -> true).get("#");

        List<String> menus = ui.items("ui:menu");
        System.out.println("DesktopMenusIT: ui:menu\n" + String.join("\n", menus));
        for (String item : List.of("File/Open torrent <Ctrl+O>", "File/Add link <Ctrl+U>",
                "File/Create torrent <Ctrl+N>", "File/Quit <Ctrl+Q>", "Edit/Select all <Ctrl+A>", "Edit/Find <Ctrl+F>",
                "Edit/Preferences <Ctrl+,>", "Torrent/Remove <Del>", "Torrent/Remove with data <Shift+Del>",
                "Torrent/Queue/Top", "Help/About Shoal")) {
            assertTrue(menus.stream().anyMatch(line -> line.startsWith(item)), () -> item + " in " + menus);
        }
        List<String> tools = ui.items("ui:toolbar");
        System.out.println("DesktopMenusIT: ui:toolbar\n" + String.join("\n", tools));
        assertEquals(4, tools.stream().filter("|"::equals).count(), "separators between the 5 groups: " + tools);
        assertTrue(tools.stream().filter(line -> !line.equals("|")).allMatch(line -> line.contains("[icon]")),
                "every tool has its icon: " + tools);
        System.out.println("DesktopMenusIT: ui:context\n" + String.join("\n", ui.items("ui:context")));
        System.out.println("DesktopMenusIT: ui:tray\n" + String.join("\n", ui.items("ui:tray")));

        // Start and pause, from each place.
        ui.select(a);
        for (String command : List.of("ui:menu", "ui:toolbar", "ui:context")) {
            String prefix = command.equals("ui:menu") ? "Torrent/" : "";
            ui.click(command, prefix + "Pause");
            awaitState(hashA, "menus-a.bin", "paused", command);
            ui.click(command, prefix + "Start");
            awaitState(hashA, "menus-a.bin", "seed", command);
        }
        ui.screenshot(DesktopIT.SCREENSHOTS.resolve("menus-toolbar.png"));
        ui.ok("ui:popup", "context");
        ShoalGet.sleep(Duration.ofSeconds(1)); // drawn: a picture, not an assertion
        ui.screenshot(DesktopIT.SCREENSHOTS.resolve("context-menu.png"));
        ui.ok("ui:popup", "hide");

        // What is copied, and where the files are.
        ui.click("ui:menu", "Torrent/Copy info-hash");
        ui.awaitClipboard(hashA, WITHIN);
        ui.click("ui:context", "Copy magnet link");
        ui.awaitClipboard("magnet:?xt=urn:btih:" + hashA, WITHIN);
        ui.click("ui:context", "Copy info-hash");
        ui.awaitClipboard(hashA, WITHIN);
        ui.click("ui:menu", "Torrent/Copy magnet link");
        ui.awaitClipboard("magnet:?xt=urn:btih:" + hashA, WITHIN);
        ui.click("ui:menu", "Torrent/Open folder");
        ui.awaitStateLine("launched=" + seedDir, WITHIN);
        ui.click("ui:tray", "Show or hide window"); // hidden, so the next launch is the context menu's own
        ui.awaitStateLine("window=hidden", WITHIN);
        ui.click("ui:tray", "Show or hide window");
        ui.awaitStateLine("window=visible", WITHIN);
        ui.click("ui:context", "Open folder");
        ui.awaitStateLine("launched=" + seedDir, WITHIN);

        // Limits: one torrent's from the menu, cancelled from the context menu; global from the tray.
        ui.click("ui:menu", "Torrent/Limits…");
        ui.awaitShell("Torrent limits", WITHIN);
        ui.field("Torrent limits", "Download limit", "500K");
        ui.field("Torrent limits", "Upload limit", "1M");
        ui.button("Torrent limits", "OK");
        awaitInfo(hashA, "limited", info -> info.field("Limits").orElse("").contains("500"));
        ui.dialog("ui:context", "Limits…", "Torrent limits", "Cancel", WITHIN);
        ui.click("ui:tray", "Global limits…");
        ui.awaitShell("Global limits", WITHIN);
        ui.field("Global limits", "Upload limit", "300K");
        ui.button("Global limits", "OK");
        await("global limits set", () -> cli.ok("shoal:limit").contains("300"));

        // The queue: A against B, from each place.
        queue(a, "ui:menu", "Torrent/Queue/Bottom", hashA, hashB, false);
        queue(a, "ui:context", "Queue/Top", hashA, hashB, true);
        queue(a, "ui:toolbar", "Down", hashA, hashB, false);
        queue(a, "ui:toolbar", "Up", hashA, hashB, true);
        queue(a, "ui:menu", "Torrent/Queue/Down", hashA, hashB, false);
        queue(a, "ui:menu", "Torrent/Queue/Up", hashA, hashB, true);
        queue(a, "ui:context", "Queue/Down", hashA, hashB, false);
        queue(a, "ui:context", "Queue/Up", hashA, hashB, true);
        queue(a, "ui:context", "Queue/Bottom", hashA, hashB, false);
        queue(a, "ui:menu", "Torrent/Queue/Top", hashA, hashB, true);

        // Recheck: B's data appears behind its back, the context menu's recheck finds it; zeroed, the menu's loses it.
        ui.select(b);
        Files.copy(fileB, leechDir.resolve("menus-b.bin"));
        ui.click("ui:context", "Recheck");
        awaitInfo(hashB, "complete after a recheck", info -> info.done() == 100);
        ui.click("ui:menu", "Torrent/Pause");
        awaitState(hashB, "menus-b.bin", "paused", "ui:menu");
        Files.write(leechDir.resolve("menus-b.bin"), new byte[200_000]);
        ui.click("ui:menu", "Torrent/Recheck");
        awaitInfo(hashB, "nothing verified after a recheck", info -> info.done() == 0);

        // The tray's pause all and resume all.
        ui.click("ui:tray", "Resume all");
        awaitInfo(hashB, "resumed by Resume all", info -> !info.state().toLowerCase().contains("paused"));
        ui.click("ui:tray", "Pause all");
        awaitState(hashA, "menus-a.bin", "paused", "Pause all");
        awaitState(hashB, "menus-b.bin", "paused", "Pause all");
        ui.click("ui:tray", "Resume all");
        awaitState(hashA, "menus-a.bin", "seed", "Resume all");

        // Edit and View.
        ui.click("ui:menu", "Edit/Select all");
        ui.awaitStateLine("selection=2", WITHIN);
        ui.click("ui:menu", "View/Search");
        ui.awaitStateLine("view=Search", WITHIN);
        ui.click("ui:menu", "Edit/Find");
        ui.awaitStateLine("view=Torrents", WITHIN);
        // The filter box gets the keyboard focus; Xvfb without a window manager gives no window any.
        await("the filter focused", () -> cli.ok("ui:state").lines().map(String::strip)
                .anyMatch(line -> line.equals("focus=filter") || line.equals("focus=inactive")));
        ui.click("ui:toolbar", "Search");
        ui.awaitStateLine("view=Search", WITHIN);
        ui.click("ui:menu", "Edit/Find");
        ui.awaitStateLine("view=Torrents", WITHIN);
        ui.click("ui:menu", "View/Toolbar text");
        ui.awaitStateLine("shown=toolbar,toolbar text,sidebar,status bar,details", WITHIN);
        ui.screenshot(DesktopIT.SCREENSHOTS.resolve("menus-toolbar-text.png"));
        ui.click("ui:menu", "View/Toolbar text");
        ui.click("ui:menu", "View/Toolbar");
        ui.click("ui:menu", "View/Status bar");
        ui.click("ui:menu", "View/Details");
        ui.awaitStateLine("shown=sidebar", WITHIN);
        ui.click("ui:menu", "View/Sidebar");
        ui.awaitStateLine("shown=", WITHIN);
        ui.click("ui:menu", "View/Toolbar");
        ui.click("ui:menu", "View/Sidebar");
        ui.click("ui:menu", "View/Status bar");
        ui.click("ui:menu", "View/Details");
        ui.awaitStateLine("shown=toolbar,sidebar,status bar,details", WITHIN);

        // The dialogs open, and are cancelled.
        ui.dialog("ui:menu", "File/Add link…", "Add link", "Cancel", WITHIN);
        ui.dialog("ui:toolbar", "Add link", "Add link", "Cancel", WITHIN);
        ui.dialog("ui:menu", "File/Create torrent…", "Create torrent", "Cancel", WITHIN);
        ui.dialog("ui:toolbar", "Create torrent", "Create torrent", "Cancel", WITHIN);
        ui.dialog("ui:menu", "Edit/Preferences…", "Preferences", "Cancel", WITHIN);
        ui.dialog("ui:toolbar", "Preferences", "Preferences", "Cancel", WITHIN);
        ui.dialog("ui:menu", "Help/About Shoal", "About Shoal", "Close", WITHIN);

        // Remove, asked first: cancelled keeps it; confirmed removes it, the files kept or deleted.
        ui.select(a);
        ui.dialog("ui:context", "Remove", "Remove torrents", "Cancel", WITHIN);
        ui.dialog("ui:toolbar", "Remove", "Remove torrents", "Cancel", WITHIN);
        ui.dialog("ui:context", "Remove with data", "Remove torrents", "Cancel", WITHIN);
        assertTrue(cli.ok("shoal:list").contains("menus-a.bin"), "cancelled removes removed nothing");
        ui.dialog("ui:menu", "Torrent/Remove", "Remove torrents", "Remove", WITHIN);
        await("A removed", () -> !cli.ok("shoal:list").contains("menus-a.bin"));
        assertTrue(Files.isRegularFile(fileA), "Remove kept A's file");
        ui.awaitRow("menus-b.bin", "alone", WITHIN, row -> true);
        ui.select(b);
        ui.dialog("ui:menu", "Torrent/Remove with data", "Remove torrents", "Remove", WITHIN);
        await("B removed with its file", () -> !cli.ok("shoal:list").contains("menus-b.bin")
                && !Files.exists(leechDir.resolve("menus-b.bin")));

        // Quit ends the application.
        ui.click("ui:menu", "File/Quit");
        assertEquals(0, desktop.awaitExit(WITHIN), "File > Quit's exit status");
    }

    @Test
    void theTrayMenusQuitEndsTheApplication() throws Exception {
        Shoal shoal = new Shoal(work);
        cli = new ShoalCli(shoal);
        desktop = ShoalDaemon.startDesktop(shoal, work, display.name()).awaitRemoteShell(DesktopIT.STARTUP);
        ui = new DesktopDriver(cli, desktop::output);
        ui.awaitWindow(DesktopIT.STARTUP);
        ui.click("ui:tray", "Quit");
        assertEquals(0, desktop.awaitExit(WITHIN), "the tray's Quit: exit status");
    }

    /** The info-hash of a v1 torrent made of {@code file} next to the work folder as NAME.torrent. */
    private String create(Shoal shoal, Path file) {
        String base = file.getFileName().toString().replace(".bin", "");
        Path torrent = work.resolve(base + ".torrent");
        Processes.Result made = shoal.run("create", file.toString(), "-o", torrent.toString());
        assertEquals(0, made.exitCode(), made::describe);
        return shoal.infoJson(torrent.toString()).path("infoHashV1").asText();
    }

    /** Clicks a queue move with torrent {@code id} selected; A ends above B ({@code aFirst}) or below. */
    private void queue(String id, String command, String path, String hashA, String hashB, boolean aFirst) {
        ui.select(id);
        ui.click(command, path);
        await(path + " by " + command + " puts A " + (aFirst ? "above" : "below") + " B",
                () -> (queued(hashA) < queued(hashB)) == aFirst);
    }

    private int queued(String hash) {
        return Integer.parseInt(cli.info(hash).field("Queue").orElseThrow().replace("#", "").strip());
    }

    private void awaitInfo(String hash, String what, java.util.function.Predicate<ShoalCli.Info> goal) {
        cli.awaitInfo(hash, what, WITHIN, goal, desktop::output);
    }

    /** Until the engine and then the window's row say {@code word} ("paused", "seed"). */
    private void awaitState(String hash, String name, String word, String by) {
        awaitInfo(hash, word + " after " + by, info -> info.state().toLowerCase().contains(word));
        ui.awaitRow(name, word + " after " + by, WITHIN, row -> row.state().contains(word));
    }

    /** Polls {@code goal}; the bound only catches a hang. */
    private void await(String what, BooleanSupplier goal) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!goal.getAsBoolean()) {
            assertTrue(System.nanoTime() - deadline < 0, () -> "not " + what + " within " + WITHIN.toSeconds()
                    + " s\n" + desktop.output());
            ShoalGet.sleep(Duration.ofMillis(200));
        }
    }
}
