package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sidebar, the rows' state icons and the layout kept across restarts, in a real window under
 * Xvfb. Two torrents whose tracker (127.0.0.1:9) refuses every announce: one running (its data is not
 * there: it downloads from nobody), one paused with a label. The sidebar counts them by state, by
 * tracker host (the failing announces marked) and by label; choosing an entry filters the table; each
 * row on screen shows its state's icon. A column's width, a hidden column and the sort set before a
 * restart (SIGTERM, as a logout does) are there after it. A screenshot goes to
 * {@code target/screenshots/sidebar.png}. Every wait is bounded only against a hang.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DesktopSidebarIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(300);

    @RegisterExtension
    static final DesktopApp app = new DesktopApp();

    @TempDir
    Path work;

    @Test
    void sidebarCountsAndFiltersRowsShowTheirStateIconsAndTheLayoutSurvivesARestart() throws Exception {
        DesktopDriver ui = app.start(work);
        ShoalCli cli = app.cli();
        List<Path> torrents = DesktopRestIT.torrents(work.resolve("torrents"), 2);
        Path downloads = work.resolve("downloads");
        cli.ok("shoal:add '" + torrents.get(0) + "' --dir '" + downloads + "'");
        cli.ok("shoal:add '" + torrents.get(1) + "' --paused --dir '" + downloads + "'");
        String running = torrents.get(0).getFileName().toString().replace(".torrent", "");
        String paused = torrents.get(1).getFileName().toString().replace(".torrent", "");
        String pausedId = ui.awaitRow(paused, "added", WITHIN, row -> true).get("#");
        cli.ok("shoal:label", pausedId, "iso");

        // All is chosen at first (marked " *").
        List<String> sidebar = awaitSidebar(cli, "both torrents counted, the refused announces marked", lines ->
                lines.contains("states/all All (2) *") && lines.contains("states/paused Paused (1) [icon]")
                        && lines.contains("states/downloading Downloading (1) [icon]")
                        && lines.contains("trackers/127.0.0.1 127.0.0.1 (2, 1 failing) [icon]")
                        && lines.contains("labels/iso iso (1)"));
        System.out.println("DesktopSidebarIT: sidebar:\n" + String.join("\n", sidebar));

        ui.ok("ui:sidebar", "states/paused");
        awaitNames(ui, "the Paused entry", List.of(paused));
        ui.ok("ui:sidebar", "labels/iso");
        awaitNames(ui, "the label iso", List.of(paused));
        ui.ok("ui:sidebar", "states/downloading");
        awaitNames(ui, "the Downloading entry", List.of(running));
        assertTrue(ui.ok("ui:sidebar").contains("states/downloading Downloading (1) [icon] *"), "the entry chosen is marked");
        ui.ok("ui:sidebar", "trackers/127.0.0.1");
        awaitNames(ui, "the tracker host", List.of(running, paused));
        ui.ok("ui:sidebar", "states/all");
        awaitNames(ui, "All", List.of(running, paused));

        // Each row on screen shows its state's icon, read back from its cell.
        List<DesktopDriver.Row> rows = ui.rows();
        List<String> icons = ui.ok("ui:icons").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        System.out.println("DesktopSidebarIT: icons " + icons + " for " + rows);
        for (DesktopDriver.Row row : rows) {
            String expected = row.get("#") + " " + icon(row.state());
            assertTrue(icons.contains(expected), () -> "no " + expected + " in " + icons);
        }
        ui.screenshot(DesktopIT.SCREENSHOTS.resolve("sidebar.png"));

        ui.ok("ui:column", "Name", "333");
        ui.ok("ui:column", "ETA", "hide");
        ui.ok("ui:sort", "Size", "desc");
        ui.ok("ui:sidebar", "hide");
        List<String> before = layout(ui);
        System.out.println("DesktopSidebarIT: layout before the restart:\n" + String.join("\n", before));
        assertTrue(before.contains("column.NAME.width=333"), before::toString);

        DesktopDriver again = app.restart(WITHIN);
        again.awaitStateLine("filter=all text= sort=Size desc", DesktopIT.STARTUP);
        List<String> after = layout(again);
        System.out.println("DesktopSidebarIT: layout after the restart:\n" + String.join("\n", after));
        for (String kept : List.of("column.NAME.width=333", "columns.hidden=ETA", "sort.column=SIZE",
                "sort.ascending=false", "sidebar.shown=false")) {
            assertTrue(after.contains(kept), () -> kept + " lost over the restart: " + after);
        }
        assertTrue(again.ok("ui:sidebar").contains("sidebar=hidden"), "the sidebar stays collapsed");
        again.ok("ui:sidebar", "show");
        assertTrue(again.ok("ui:sidebar").contains("sidebar=shown"));
    }

    private static String icon(String state) {
        String s = state.toLowerCase(Locale.ROOT);
        return s.equals("finished") ? "completed" : s.equals("metadata") ? "downloading" : s;
    }

    private static List<String> layout(DesktopDriver ui) {
        return ui.ok("ui:layout").lines().map(String::strip).toList();
    }

    private List<String> awaitSidebar(ShoalCli cli, String what, Predicate<List<String>> goal) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        List<String> last = List.of();
        while (System.nanoTime() - deadline < 0) {
            dev.shoal.test.support.Processes.Result result = cli.run("ui:sidebar");
            if (result.exitCode() == 0) {
                last = result.stdout().lines().map(String::strip).toList();
                if (goal.test(last)) {
                    return last;
                }
            }
            ShoalGet.sleep(POLL);
        }
        throw new AssertionError("the sidebar never showed " + what + " within " + WITHIN.toSeconds() + " s; last:\n"
                + String.join("\n", last) + "\n" + app.output());
    }

    private void awaitNames(DesktopDriver ui, String what, List<String> names) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        List<String> shown = List.of();
        while (System.nanoTime() - deadline < 0) {
            shown = ui.rows().stream().map(row -> row.get("Name")).sorted().toList();
            if (shown.equals(names.stream().sorted().toList())) {
                return;
            }
            ShoalGet.sleep(POLL);
        }
        throw new AssertionError(what + " never showed exactly " + names + "; last " + shown + "\n" + app.output());
    }
}
