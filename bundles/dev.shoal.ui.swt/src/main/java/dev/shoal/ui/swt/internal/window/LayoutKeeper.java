package dev.shoal.ui.swt.internal.window;

import dev.shoal.ui.swt.internal.model.Column;
import dev.shoal.ui.swt.internal.model.LayoutFile;
import dev.shoal.ui.swt.internal.model.ViewState;
import dev.shoal.ui.swt.internal.model.WindowLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Monitor;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * Puts the window back as the user left it ({@link WindowLayout}, kept in a {@link LayoutFile}) and
 * takes its layout again when it hides or closes. A hidden column keeps its width for when it comes
 * back. The bounds are those of the window neither maximized nor minimized, so a maximized window
 * restored and un-maximized gets its old size back. Display thread only.
 */
public final class LayoutKeeper {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 760;

    private final Shell shell;
    private final Sides sides;
    private final Table table;
    private final Optional<LayoutFile> file;
    private final Map<Column, Integer> hiddenWidths = new EnumMap<>(Column.class);
    private Rectangle normal;

    LayoutKeeper(Shell shell, Sides sides, Table table, Optional<LayoutFile> file) {
        this.shell = shell;
        this.sides = sides;
        this.table = table;
        this.file = file;
        shell.addListener(SWT.Move, e -> rememberBounds());
        shell.addListener(SWT.Resize, e -> rememberBounds());
    }

    WindowLayout load() {
        return file.map(LayoutFile::load).orElse(WindowLayout.DEFAULT);
    }

    void apply(WindowLayout layout) {
        for (Column column : Column.values()) {
            column(column).setWidth(layout.width(column));
            if (layout.hidden().contains(column.name())) {
                showColumn(column, false);
            }
        }
        table.setColumnOrder(layout.columnOrder().stream().mapToInt(Column::ordinal).toArray());
        sides.sides().setWeights(layout.sideWeights().stream().mapToInt(Integer::intValue).toArray());
        sides.split().setWeights(layout.splitWeights().stream().mapToInt(Integer::intValue).toArray());
        sides.showSidebar(layout.sidebarShown());
        Optional<Rectangle> bounds = layout.bounds().map(b -> new Rectangle(b.get(0), b.get(1), b.get(2), b.get(3)))
                .filter(this::onScreen);
        if (bounds.isPresent()) {
            shell.setBounds(bounds.get());
        } else {
            shell.setSize(WIDTH, HEIGHT);
            center();
        }
        normal = shell.getBounds();
        if (layout.maximized()) {
            shell.setMaximized(true);
        }
    }

    /** Saves the layout now ({@code view} has the sort); a few hundred bytes written, at hide or close. */
    void save(ViewState view) {
        file.ifPresent(f -> f.save(capture(view)));
    }

    WindowLayout capture(ViewState view) {
        Map<String, Integer> widths = new LinkedHashMap<>();
        Set<String> hidden = new TreeSet<>();
        for (Column column : Column.values()) {
            Integer kept = hiddenWidths.get(column);
            widths.put(column.name(), kept != null ? kept : column(column).getWidth());
            if (kept != null) {
                hidden.add(column.name());
            }
        }
        List<String> order = new ArrayList<>();
        for (int index : table.getColumnOrder()) {
            order.add(Column.values()[index].name());
        }
        Rectangle b = normal != null ? normal : shell.getBounds();
        return new WindowLayout(Optional.of(List.of(b.x, b.y, b.width, b.height)), shell.getMaximized(),
                weights(sides.sides().getWeights()), weights(sides.split().getWeights()), sides.sidebarShown(), widths,
                order, hidden, view.sort(), view.ascending());
    }

    /** Sets a column's width as a drag of its edge does. */
    public void columnWidth(Column column, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("a column is at least 1 pixel wide, not " + width);
        }
        hiddenWidths.remove(column);
        column(column).setResizable(true);
        column(column).setWidth(width);
    }

    /** Shows or hides a column (the View menu's hook); a hidden one keeps its width for later. */
    public void showColumn(Column column, boolean shown) {
        TableColumn tc = column(column);
        if (shown == columnShown(column)) {
            return;
        }
        if (shown) {
            tc.setResizable(true);
            tc.setWidth(hiddenWidths.remove(column));
        } else {
            hiddenWidths.put(column, tc.getWidth());
            tc.setWidth(0);
            tc.setResizable(false);
        }
    }

    public boolean columnShown(Column column) {
        return !hiddenWidths.containsKey(column);
    }

    /** The layout as it would be saved now, a line each, for {@code ui:layout}. */
    public List<String> lines(ViewState view) {
        return capture(view).toProperties().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                .toList();
    }

    private TableColumn column(Column column) {
        return table.getColumn(column.ordinal());
    }

    private void rememberBounds() {
        if (!shell.getMaximized() && !shell.getMinimized() && shell.isVisible()) {
            normal = shell.getBounds();
        }
    }

    /** A saved place on a monitor that is gone (a laptop off its dock) would put the window out of sight. */
    private boolean onScreen(Rectangle bounds) {
        for (Monitor monitor : shell.getDisplay().getMonitors()) {
            if (monitor.getClientArea().intersects(bounds)) {
                return true;
            }
        }
        return false;
    }

    private void center() {
        Rectangle screen = shell.getDisplay().getPrimaryMonitor().getClientArea();
        Rectangle bounds = shell.getBounds();
        shell.setLocation(screen.x + Math.max(0, (screen.width - bounds.width) / 2),
                screen.y + Math.max(0, (screen.height - bounds.height) / 2));
    }

    private static List<Integer> weights(int[] weights) {
        return Arrays.stream(weights).boxed().toList();
    }
}
