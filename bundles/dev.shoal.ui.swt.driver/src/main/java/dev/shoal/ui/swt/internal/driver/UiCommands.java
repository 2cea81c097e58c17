package dev.shoal.ui.swt.internal.driver;

import dev.shoal.ui.swt.internal.DesktopDriver;
import dev.shoal.ui.swt.internal.DisplayWork;
import dev.shoal.ui.swt.internal.model.Column;
import dev.shoal.ui.swt.internal.model.StateFilter;
import dev.shoal.ui.swt.internal.window.Action;
import dev.shoal.ui.swt.internal.window.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.ImageData;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code ui} scope: drives the real window for tests and automation (this fragment is never in
 * shoal.jar: tests drop it into the data directory's plugins/). Each command does its
 * work on the display thread and waits for it at most 60 s; pressing things is posted without
 * waiting, since a press may open a modal dialog whose loop runs until it closes.
 */
@Component(service = UiCommands.class, property = {"osgi.command.scope=ui", "osgi.command.function=state",
    "osgi.command.function=rows", "osgi.command.function=select", "osgi.command.function=tab",
    "osgi.command.function=tabtext", "osgi.command.function=press", "osgi.command.function=shells",
    "osgi.command.function=button", "osgi.command.function=field", "osgi.command.function=filter",
    "osgi.command.function=sort", "osgi.command.function=scroll", "osgi.command.function=screenshot",
    "osgi.command.function=latency", "osgi.command.function=work", "osgi.command.function=fileprio",
    "osgi.command.function=window", "osgi.command.function=ports"})
public final class UiCommands {

    private final DesktopDriver desktop;
    private final LatencyProbe probe;

    @Activate
    public UiCommands(@Reference DesktopDriver desktop, @Reference LatencyProbe probe) {
        this.desktop = desktop;
        this.probe = probe;
    }

    public List<String> state() {
        return desktop.call("ui:state", MainWindow::state);
    }

    /** The status bar's port mapping line, then its tooltip a line each. */
    public List<String> ports() {
        return desktop.call("ui:ports", MainWindow::ports);
    }

    public List<String> rows() {
        // Formatted here: 10,000 rows take the display thread tens of milliseconds to format.
        return Column.lines(desktop.call("ui:rows", MainWindow::shownRows));
    }

    public String select(String id) {
        int number = number(id, "ui:select <torrent id>");
        desktop.call("ui:select", w -> {
            w.select(number);
            return null;
        });
        return "selected " + number;
    }

    public String tab(String title) {
        desktop.call("ui:tab", w -> {
            w.tab(title);
            return null;
        });
        return "tab " + title;
    }

    public List<String> tabtext() {
        return desktop.call("ui:tabtext", MainWindow::tabText);
    }

    public String press(String item) {
        Action action = Action.parse(item);
        Runnable press = desktop.call("ui:press", w -> w.press(action));
        desktop.post("ui:press", press);
        return "pressed " + action.text();
    }

    public List<String> shells() {
        return desktop.call("ui:shells", w -> ShellDriver.titles(w.shell().getDisplay(), w.shell()));
    }

    public String button(String shellTitle, String buttonText) {
        Runnable press = desktop.call("ui:button",
                w -> ShellDriver.button(ShellDriver.shell(w.shell().getDisplay(), shellTitle), buttonText));
        desktop.post("ui:button", press);
        return "pressed " + buttonText + " in " + shellTitle;
    }

    public String field(String shellTitle, String label, String value) {
        desktop.call("ui:field", w -> {
            ShellDriver.field(ShellDriver.shell(w.shell().getDisplay(), shellTitle), label, value);
            return null;
        });
        return label + " = " + value + " in " + shellTitle;
    }

    public String filter(String... args) {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: ui:filter <" + StateFilter.names("|") + "> [text]");
        }
        StateFilter filter = StateFilter.parse(args[0]);
        String text = args.length == 2 ? args[1] : "";
        desktop.call("ui:filter", w -> {
            w.filter(filter, text);
            return null;
        });
        return "filter " + filter.label() + (text.isEmpty() ? "" : " '" + text + "'");
    }

    public String sort(String... args) {
        if (args.length < 1 || args.length > 2
                || (args.length == 2 && !args[1].equalsIgnoreCase("asc") && !args[1].equalsIgnoreCase("desc"))) {
            throw new IllegalArgumentException("usage: ui:sort <column title> [asc|desc]");
        }
        Column column = Column.byTitle(args[0]);
        boolean ascending = args.length == 1 || args[1].equalsIgnoreCase("asc");
        desktop.call("ui:sort", w -> {
            w.sort(column, ascending);
            return null;
        });
        return "sort " + column.title() + (ascending ? " asc" : " desc");
    }

    public String scroll(String index) {
        int row = number(index, "ui:scroll <row index>");
        desktop.call("ui:scroll", w -> {
            w.scroll(row);
            return null;
        });
        return "top row " + row;
    }

    /** Not in the contract's list: sets a file's (or folder's) priority in the Files tab, as its menu does. */
    public String fileprio(String path, String priority) {
        desktop.call("ui:fileprio", w -> {
            w.filePriority(path, priority);
            return null;
        });
        return path + " " + priority;
    }

    public String screenshot(String... args) {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: ui:screenshot <file.png> [window title]");
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw new IllegalArgumentException("no folder " + file.getParent());
        }
        ImageData data = desktop.call("ui:screenshot", w -> Screenshot.take(args.length == 2
                ? ShellDriver.shell(w.shell().getDisplay(), args[1]) : w.shell()));
        try {
            Screenshot.save(data, file.toString());
        } catch (SWTException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
        }
        return "saved " + file + " (" + data.width + "x" + data.height + ")";
    }

    /**
     * The event loop's figures; the first call starts measuring them (the loop's timing and the probe
     * are off until then), so a first {@code ui:latency reset} starts a clean measurement.
     */
    public String latency(String... args) {
        boolean reset = resetArgument(args, "usage: ui:latency [reset]");
        probe.start();
        String summary = desktop.latency().summary();
        if (reset) {
            desktop.latency().reset();
        }
        return summary;
    }

    /**
     * The display thread's work per refresh of the torrents table ({@link DisplayWork}),
     * read (and reset) on the display thread, which owns the counts.
     */
    public String work(String... args) {
        boolean reset = resetArgument(args, "usage: ui:work [reset]");
        DisplayWork work = desktop.work();
        return desktop.call("ui:work", w -> {
            String summary = work.summary();
            if (reset) {
                work.reset();
            }
            return summary;
        });
    }

    /** Not in the contract's list: hides the window as closing it to the tray does, or shows it again. */
    public String window(String what) {
        boolean shown = either(what, "show", "hide", "usage: ui:window show|hide");
        desktop.call("ui:window", w -> {
            w.show(shown);
            return null;
        });
        return "window " + what;
    }

    /** True for {@code yes}, false for {@code no}, else the usage as the error. */
    static boolean either(String what, String yes, String no, String usage) {
        if (what.equals(yes) || what.equals(no)) {
            return what.equals(yes);
        }
        throw new IllegalArgumentException(usage);
    }

    private static boolean resetArgument(String[] args, String usage) {
        if (args.length > 1 || (args.length == 1 && !args[0].equals("reset"))) {
            throw new IllegalArgumentException(usage);
        }
        return args.length == 1;
    }

    static int number(String text, String usage) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is no number; usage: " + usage);
        }
    }

}
