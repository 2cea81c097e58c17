package dev.shoal.ui.swt.internal.driver;

import dev.shoal.ui.swt.internal.DesktopDriver;
import dev.shoal.ui.swt.internal.model.Column;
import dev.shoal.ui.swt.internal.window.MainWindow;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The sidebar's and the layout's part of the {@code ui} scope: {@code ui:sidebar [entry|show|hide]}
 * lists the sidebar's entries with their counts (the chosen one marked {@code *}) or chooses one as a
 * click does; {@code ui:icons} the state icon of each row on screen, as its cell shows it;
 * {@code ui:layout} what would be saved of the window's layout now; {@code ui:column <title>
 * <width>|hide|show} sets a column as a drag of its edge or the View menu does.
 */
@Component(service = SideUiCommands.class, property = {"osgi.command.scope=ui", "osgi.command.function=sidebar",
    "osgi.command.function=icons", "osgi.command.function=layout", "osgi.command.function=column"})
public final class SideUiCommands {

    private static final String COLUMN_USAGE = "ui:column <title> <width>|hide|show";

    private final DesktopDriver desktop;

    @Activate
    public SideUiCommands(@Reference DesktopDriver desktop) {
        this.desktop = desktop;
    }

    public List<String> sidebar(String... args) {
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: ui:sidebar [states/<state>|trackers/<host>|labels/<label>|show|hide]");
        }
        return desktop.call("ui:sidebar", w -> {
            if (args.length == 1) {
                switch (args[0]) {
                    case "show" -> w.sides().showSidebar(true);
                    case "hide" -> w.sides().showSidebar(false);
                    default -> w.sides().choose(args[0]);
                }
            }
            List<String> lines = new java.util.ArrayList<>();
            lines.add("sidebar=" + (w.sides().sidebarShown() ? "shown" : "hidden"));
            lines.addAll(w.sides().lines());
            return lines;
        });
    }

    public List<String> icons() {
        return desktop.call("ui:icons", MainWindow::rowIcons);
    }

    public List<String> layout() {
        return desktop.call("ui:layout", MainWindow::layoutLines);
    }

    public String column(String title, String what) {
        Column column = Column.byTitle(title);
        desktop.call("ui:column", w -> {
            switch (what) {
                case "hide" -> w.layout().showColumn(column, false);
                case "show" -> w.layout().showColumn(column, true);
                default -> w.layout().columnWidth(column, UiCommands.number(what, COLUMN_USAGE));
            }
            return null;
        });
        return column.title() + " " + what;
    }
}
