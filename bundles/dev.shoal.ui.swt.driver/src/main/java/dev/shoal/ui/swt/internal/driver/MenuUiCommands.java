package dev.shoal.ui.swt.internal.driver;

import dev.shoal.ui.swt.internal.DesktopDriver;
import dev.shoal.ui.swt.internal.window.MainWindow;
import java.util.List;
import java.util.function.Function;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Table;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The menus' part of the {@code ui} scope: {@code ui:menu}, {@code ui:context}, {@code ui:tray}
 * click an item by its label path ("Torrent/Queue/Top") as a person does, or list the items with
 * no argument; {@code ui:toolbar} the same for the toolbar; {@code ui:clipboard} reads the text
 * the copy actions put there; {@code ui:popup context|hide} opens the context menu at the first
 * selected row for a screenshot, or closes it. A click is posted, not waited for: it may open a modal dialog.
 */
@Component(service = MenuUiCommands.class, property = {"osgi.command.scope=ui", "osgi.command.function=menu",
    "osgi.command.function=context", "osgi.command.function=tray", "osgi.command.function=toolbar",
    "osgi.command.function=clipboard", "osgi.command.function=popup"})
public final class MenuUiCommands {

    private final DesktopDriver desktop;

    @Activate
    public MenuUiCommands(@Reference DesktopDriver desktop) {
        this.desktop = desktop;
    }

    public List<String> menu(String... path) {
        return click("ui:menu", MainWindow::menuBar, path);
    }

    /** The torrents' context menu, on the selected rows ({@code ui:select} first). */
    public List<String> context(String... path) {
        return click("ui:context", MainWindow::contextMenu, path);
    }

    public List<String> tray(String... path) {
        return click("ui:tray", w -> w.trayMenu()
                .orElseThrow(() -> new IllegalArgumentException("this desktop has no tray")), path);
    }

    public List<String> toolbar(String... label) {
        if (label.length == 0) {
            return desktop.call("ui:toolbar", w -> MenuDriver.toolItems(w.toolBar()));
        }
        String wanted = String.join(" ", label);
        Runnable press = desktop.call("ui:toolbar", w -> MenuDriver.toolItem(w.toolBar(), wanted));
        desktop.post("ui:toolbar", press);
        return List.of("clicked " + wanted);
    }

    /** The clipboard's text, "" when it holds none. */
    public String clipboard() {
        return desktop.call("ui:clipboard", w -> {
            Clipboard clipboard = new Clipboard(w.shell().getDisplay());
            try {
                Object text = clipboard.getContents(TextTransfer.getInstance());
                return text == null ? "" : text.toString();
            } finally {
                clipboard.dispose();
            }
        });
    }

    public String popup(String what) {
        boolean show = UiCommands.either(what, "context", "hide", "usage: ui:popup context|hide");
        desktop.call("ui:popup", w -> {
            Menu menu = w.contextMenu();
            if (show) {
                Table table = (Table) ShellDriver.controls(w.shell()).stream()
                        .filter(control -> control.getMenu() == menu).findFirst().orElseThrow();
                int[] selected = table.getSelectionIndices();
                Rectangle row = selected.length == 0 ? new Rectangle(0, 0, 0, 0)
                        : table.getItem(selected[0]).getBounds();
                menu.notifyListeners(SWT.Show, new Event());
                menu.setLocation(table.toDisplay(row.x + 60, row.y + row.height));
            }
            menu.setVisible(show);
            return null;
        });
        return show ? "context menu shown" : "context menu hidden";
    }

    private List<String> click(String command, Function<MainWindow, Menu> menu, String... path) {
        if (path.length == 0) {
            return desktop.call(command, w -> MenuDriver.menuItems(menu.apply(w)));
        }
        if (path.length > 1) {
            throw new IllegalArgumentException("usage: " + command + " [\"Menu/Item\"] (one argument, quoted)");
        }
        Runnable press = desktop.call(command, w -> MenuDriver.menuItem(menu.apply(w), path[0]));
        desktop.post(command, press);
        return List.of("clicked " + path[0]);
    }
}
