package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.shoal.test.support.Processes;

/**
 * The desktop window driven the way a script can: the {@code ui:} commands of the running Shoal,
 * through {@code shoal cli}. They act on the real widgets on the display thread (press a toolbar
 * item, a dialog's button, select a row or tab) and read back what the widgets show.
 */
final class DesktopDriver {

    private static final Duration POLL = Duration.ofMillis(300);
    private static final Pattern PERCENT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*%");
    private static final Pattern NUMBER = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)");

    private final ShoalCli cli;
    private final Supplier<String> context;

    DesktopDriver(ShoalCli cli, Supplier<String> context) {
        this.cli = cli;
        this.context = context;
    }

    /** A row of the torrents table: its cells by column title. */
    record Row(Map<String, String> cells) {

        String get(String column) {
            String cell = cells.get(column);
            if (cell == null) {
                throw new AssertionError("no column " + column + " in " + cells.keySet());
            }
            return cell;
        }

        double progress() {
            Matcher matcher = PERCENT.matcher(get("Progress"));
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
        }

        double ratio() {
            Matcher matcher = NUMBER.matcher(get("Ratio"));
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
        }

        String state() {
            return get("State").toLowerCase();
        }
    }

    String ok(String... words) {
        Processes.Result result = cli.run(words);
        if (result.exitCode() != 0) {
            fail("shoal cli " + String.join(" ", words) + "\n" + result.describe() + "\n" + context.get());
        }
        return result.stdout();
    }

    /** Waits until the main window answers (the ui bundle starts last, after the remote shell). */
    void awaitWindow(Duration timeout) {
        await("the main window", timeout, () -> {
            Processes.Result result = cli.run("ui:shells");
            return result.exitCode() == 0 && result.stdout().lines().findFirst().orElse("").startsWith("Shoal");
        });
    }

    List<String> shells() {
        return ok("ui:shells").lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    void awaitShell(String title, Duration timeout) {
        await("a window titled " + title, timeout, () -> shellsOrNone().contains(title));
    }

    private List<String> shellsOrNone() {
        Processes.Result result = cli.run("ui:shells");
        return result.exitCode() == 0 ? result.stdout().lines().map(String::strip).toList() : List.of();
    }

    /** The table as shown, header first. */
    List<Row> rows() {
        return parseRows(ok("ui:rows"));
    }

    static List<Row> parseRows(String text) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        String[] header = lines.get(0).split(" \\| ", -1);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(" \\| ", -1);
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                byColumn.put(header[i].strip(), cells[i].strip());
            }
            rows.add(new Row(byColumn));
        }
        return rows;
    }

    Optional<Row> row(String name) {
        return rows().stream().filter(row -> row.get("Name").equals(name)).findFirst();
    }

    /** Polls the row of torrent {@code name} until {@code goal} holds; that row. */
    Row awaitRow(String name, String what, Duration timeout, Predicate<Row> goal) {
        return awaitRow(List.of(name), what, timeout, goal);
    }

    /** Polls the first row named one of {@code names} (a torrent renamed as it goes) until {@code goal} holds. */
    Row awaitRow(List<String> names, String what, Duration timeout, Predicate<Row> goal) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object last = null;
        while (System.nanoTime() - deadline < 0) {
            Processes.Result result = cli.run("ui:rows");
            if (result.exitCode() == 0) {
                Optional<Row> row = parseRows(result.stdout()).stream()
                        .filter(candidate -> names.contains(candidate.get("Name"))).findFirst();
                if (row.isPresent() && goal.test(row.get())) {
                    return row.get();
                }
                last = row.isPresent() ? row.get() : result.stdout();
            } else {
                last = result.describe();
            }
            ShoalGet.sleep(POLL);
        }
        throw new AssertionError("the window never showed " + String.join(" or ", names) + " " + what + " within " + timeout.toSeconds()
                + " s; last: " + last + "\n" + context.get());
    }

    /** Polls {@code ui:state} (the window's state and its status bar, a line each) until a line is {@code line}. */
    void awaitStateLine(String line, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() - deadline < 0) {
            Processes.Result result = cli.run("ui:state");
            last = result.exitCode() == 0 ? result.stdout() : result.describe();
            if (result.exitCode() == 0 && result.stdout().lines().map(String::strip).anyMatch(line::equals)) {
                return;
            }
            ShoalGet.sleep(POLL);
        }
        throw new AssertionError("the window never showed \"" + line + "\" within " + timeout.toSeconds()
                + " s; ui:state said:\n" + last + "\n" + context.get());
    }

    void select(String id) {
        ok("ui:select", id);
    }

    void tab(String title) {
        ok("ui:tab", title);
    }

    List<String> tabText() {
        return ok("ui:tabtext").lines().toList();
    }

    /** Polls the selected tab's text until a line matches. */
    List<String> awaitTabLine(String what, Duration timeout, Predicate<String> line) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> last = List.of();
        while (System.nanoTime() - deadline < 0) {
            last = tabText();
            if (last.stream().anyMatch(line)) {
                return last;
            }
            ShoalGet.sleep(POLL);
        }
        throw new AssertionError("the tab never showed " + what + " within " + timeout.toSeconds() + " s; last:\n"
                + String.join("\n", last) + "\n" + context.get());
    }

    void press(String tool) {
        ok("ui:press", tool);
    }

    void button(String shell, String text) {
        ok("ui:button", shell, text);
    }

    void field(String shell, String label, String value) {
        ok("ui:field", shell, label, value);
    }

    /**
     * Clicks a menu item by its label path ({@code ui:menu "Torrent/Queue/Top"}), or with
     * {@code command} {@code ui:context}, {@code ui:tray}, {@code ui:toolbar} an item of those.
     */
    void click(String command, String path) {
        ok(command, path);
    }

    /**
     * Opens the dialog titled {@code title} by clicking {@code path} (as {@link #click}) and closes it
     * with its {@code button}; fails if it does not open or stays open.
     */
    void dialog(String command, String path, String title, String button, Duration timeout) {
        click(command, path);
        awaitShell(title, timeout);
        button(title, button);
        await(title + " closed", timeout, () -> !shells().contains(title));
    }

    /** Waits until the clipboard's text ({@code ui:clipboard}) is {@code text}, or for a magnet link starts with it. */
    void awaitClipboard(String text, Duration timeout) {
        await("the clipboard holding " + text, timeout, () -> {
            String clip = ok("ui:clipboard").strip();
            return text.startsWith("magnet:") ? clip.startsWith(text) : clip.equals(text);
        });
    }

    /** The items {@code ui:menu}, {@code ui:context}, {@code ui:tray} or {@code ui:toolbar} list, a line each. */
    List<String> items(String command) {
        return ok(command).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** A PNG of the main window (or of the window titled {@code shell}), checked to be one. */
    Path screenshot(Path file, String... shell) throws Exception {
        Files.createDirectories(file.getParent());
        List<String> words = new ArrayList<>(List.of("ui:screenshot", file.toAbsolutePath().toString()));
        words.addAll(List.of(shell));
        ok(words.toArray(String[]::new));
        byte[] png = Files.readAllBytes(file);
        assertTrue(png.length > 1000, () -> file + " is too small to be a screenshot: " + png.length + " bytes");
        assertEquals("\u0089PNG", new String(png, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1),
                file + " is not a PNG");
        System.out.println("screenshot: " + file.toAbsolutePath() + " (" + png.length + " bytes)");
        return file;
    }

    /** The event loop's figures: {@code ui:latency} as name=value pairs. */
    Map<String, Double> latency(String... reset) {
        return figures("ui:latency", reset);
    }

    /** The display thread's work per refresh of the table, and its engine calls: {@code ui:work} as name=value pairs. */
    Map<String, Double> work(String... reset) {
        return figures("ui:work", reset);
    }

    private Map<String, Double> figures(String command, String... reset) {
        List<String> words = new ArrayList<>(List.of(command));
        words.addAll(List.of(reset));
        return parseFigures(ok(words.toArray(String[]::new)));
    }

    /** The {@code name=number} pairs of a {@code ui:latency} or {@code ui:work}, in order. */
    static Map<String, Double> parseFigures(String text) {
        Map<String, Double> figures = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("(\\w+)=([0-9.]+)").matcher(text);
        while (matcher.find()) {
            figures.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        return figures;
    }

    private void await(String what, Duration timeout, java.util.function.BooleanSupplier goal) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (goal.getAsBoolean()) {
                return;
            }
            ShoalGet.sleep(POLL);
        }
        throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s\n" + context.get());
    }
}
