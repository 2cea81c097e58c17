package dev.shoal.ui.swt.internal.window;

import dev.shoal.ui.swt.internal.DispatchTrace;
import dev.shoal.ui.swt.internal.DisplayWork;
import dev.shoal.ui.swt.internal.model.Column;
import dev.shoal.ui.swt.internal.model.RowIcon;
import dev.shoal.ui.swt.internal.model.TorrentRow;
import dev.shoal.ui.swt.internal.model.ViewState;
import dev.shoal.ui.swt.internal.stateicons.StateIcons;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * The torrents table. SWT.VIRTUAL with rows of fixed height: a refresh sets the row count and clears
 * the items, and only the rows on screen ask for their text (SetData), so 10,000 torrents cost what
 * 30 do. Rows arrive filtered and sorted from the poller. The selection is kept by torrent id across
 * refreshes. {@link DisplayWork} counts that work for {@code ui:work}, per refresh in its sense: from
 * wherever the rows on screen may change (new rows, a step of the row count, a scroll, a selection
 * moved into view) to the next.
 */
final class TorrentTable {

    /** How many stale rows one event clears: a few milliseconds of GTK model updates. */
    private static final int CLEAR_BATCH = 40;
    /**
     * How many rows one event adds or removes: GTK adds and removes them one by one, about 5 µs each,
     * so a filter that goes from none to 10,000 rows would hold the display thread for 50 ms at once.
     */
    private static final int RESIZE_STEP = 1_000;

    private final Table table;
    private final DispatchTrace trace;
    private final DisplayWork work;
    private final ProgressColumn progress;
    /** GTK rows of one height, whose scroll bar counts pixels. */
    private final boolean fixedRows;
    private List<TorrentRow> rows = List.of();
    /** Rows the table has asked for (SetData) since they were last cleared. */
    private final BitSet filled = new BitSet();
    /** Filled rows whose values changed (or that are past the end, about to go), not cleared yet. */
    private final BitSet stale = new BitSet();
    private boolean clearing;
    private boolean resizing;
    /** Rows the table's area holds, and two more for rows cut in half at either end. */
    private int visibleRows = 1;
    private Set<Integer> selected = new HashSet<>();

    TorrentTable(Composite parent, DispatchTrace trace, DisplayWork work, StateIcons icons,
            Consumer<Column> headerClicked, IntConsumer primarySelected) {
        this.trace = trace;
        this.work = work;
        table = new Table(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (Column column : Column.values()) {
            int align = column == Column.NAME || column == Column.STATE || column == Column.LABELS ? SWT.LEFT : SWT.RIGHT;
            TableColumn tc = new TableColumn(table, align);
            tc.setText(column.title());
            tc.setWidth(column.optional() ? 0 : column.width());
            tc.setResizable(!column.optional());
            tc.setMoveable(true);
            tc.addListener(SWT.Selection, e -> headerClicked.accept(column));
        }
        headerMenu();
        fixedRows = FixedRowHeight.apply(table);
        work.fixedHeightRows(fixedRows);
        progress = new ProgressColumn(table, trace, work, icons);
        table.addListener(SWT.SetData, e -> trace.section("SetData", () -> fill(e)));
        table.getVerticalBar().addListener(SWT.Selection, e -> {
            work.refresh();
            trace.section("clear", this::clearVisible);
        });
        // Measured on a resize only: the client area costs GTK a round trip to the X server.
        table.addListener(SWT.Resize, e -> {
            visibleRows = table.getClientArea().height / Math.max(1, table.getItemHeight()) + 2;
            work.rowsOnScreen(visibleRows);
        });
        table.addListener(SWT.Selection, e -> {
            selected = idsAt(table.getSelectionIndices());
            primarySelected.accept(primary(e));
        });
    }

    Table control() {
        return table;
    }

    /**
     * A right click on the header offers the optional columns (labels, added, completed), each shown or
     * hidden by a check; a right click on the rows is left to the rows' own menu.
     */
    private void headerMenu() {
        Menu menu = new Menu(table);
        for (Column column : Column.values()) {
            if (!column.optional()) {
                continue;
            }
            MenuItem item = new MenuItem(menu, SWT.CHECK);
            item.setText(column.title());
            item.addListener(SWT.Selection, e -> {
                TableColumn tc = table.getColumn(column.ordinal());
                tc.setResizable(item.getSelection());
                tc.setWidth(item.getSelection() ? column.width() : 0);
            });
        }
        table.addListener(SWT.MenuDetect, e -> {
            Point at = table.getDisplay().map(null, table, new Point(e.x, e.y));
            Rectangle area = table.getClientArea();
            if (at.y >= area.y && at.y < area.y + table.getHeaderHeight()) {
                e.doit = false;
                menu.setLocation(e.x, e.y);
                menu.setVisible(true);
            }
        });
    }

    /**
     * Shows {@code shown}. Only rows the table has filled (SetData) and whose values changed are
     * cleared: clearing a filled row costs GTK a model update per column, so after a sort with
     * hundreds of rows filled by scrolling, clearing them all at once would hold the display thread
     * for tens of milliseconds. The rows on screen are cleared now, the rest in small batches, one
     * event each; a scroll clears what comes into view first. The row count changes by
     * {@value #RESIZE_STEP} rows an event; rows past the new end that are on screen are blanked
     * until they go.
     */
    void apply(List<TorrentRow> shown, ViewState view) {
        work.refresh();
        List<TorrentRow> old = rows;
        rows = shown;
        for (int i = filled.nextSetBit(0); i >= 0; i = filled.nextSetBit(i + 1)) {
            if (i >= shown.size() || i >= old.size() || !old.get(i).equals(shown.get(i))) {
                stale.set(i);
            }
        }
        trace.section("clear", this::clearVisible);
        scheduleClears();
        resize();
        select();
        TableColumn sortColumn = table.getColumn(view.sort().ordinal());
        if (table.getSortColumn() != sortColumn) {
            table.setSortColumn(sortColumn);
        }
        int direction = view.ascending() ? SWT.UP : SWT.DOWN;
        if (table.getSortDirection() != direction) {
            table.setSortDirection(direction);
        }
    }

    /** One step towards as many rows as shown, and the next step posted; the selection once there. */
    private void resize() {
        int count = table.getItemCount();
        int target = rows.size();
        if (count == target) {
            return;
        }
        int next = count < target ? Math.min(target, count + RESIZE_STEP) : Math.max(target, count - RESIZE_STEP);
        setCount(next);
        if (next != target && !resizing) {
            resizing = true;
            table.getDisplay().asyncExec(() -> trace.section("resize", () -> {
                resizing = false;
                if (!table.isDisposed()) {
                    work.refresh();
                    resize();
                    select();
                }
            }));
        }
    }

    /** Every row at once: a scroll or a selection needs a row that is not there yet. */
    private void resizeNow() {
        if (table.getItemCount() != rows.size()) {
            setCount(rows.size());
        }
    }

    private void setCount(int count) {
        trace.section("setItemCount", () -> table.setItemCount(count));
        filled.clear(count, Math.max(count, filled.length()));
        stale.clear(count, Math.max(count, stale.length()));
    }

    /** Selects the rows of the selected torrents where they are now. */
    private void select() {
        int[] wanted = selectedIndices(rows);
        if (!java.util.Arrays.equals(wanted, table.getSelectionIndices())) {
            table.deselectAll();
            table.select(wanted);
        }
    }

    private void clearVisible() {
        int top = table.getTopIndex();
        int end = Math.min(table.getItemCount(), top + visibleRows);
        for (int i = stale.nextSetBit(top); i >= 0 && i < end; i = stale.nextSetBit(i + 1)) {
            table.clear(i);
            filled.clear(i);
            stale.clear(i);
        }
    }

    /** Clears stale rows; those past the end only forget they were filled, for they are about to go. */
    private void clear(int[] indices) {
        for (int i : indices) {
            if (i < rows.size() && i < table.getItemCount()) {
                table.clear(i);
            }
            filled.clear(i);
            stale.clear(i);
        }
    }

    private void scheduleClears() {
        if (clearing || stale.isEmpty()) {
            return;
        }
        clearing = true;
        table.getDisplay().asyncExec(() -> trace.section("clear batch", () -> {
            clearing = false;
            if (table.isDisposed()) {
                return;
            }
            clear(stale.stream().limit(CLEAR_BATCH).toArray());
            scheduleClears();
        }));
    }

    private int[] selectedIndices(List<TorrentRow> shown) {
        if (selected.isEmpty()) {
            return new int[0];
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            if (selected.contains(shown.get(i).id())) {
                indices.add(i);
            }
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    List<TorrentRow> rows() {
        return rows;
    }

    /**
     * "id ICON" for each row on screen, the icon read back from its Progress cell ("none" when the
     * cell shows no image, or another state's; where the cell is painted, not an image, the icon it
     * paints): what {@code ui:icons} reports.
     */
    List<String> icons() {
        List<String> lines = new ArrayList<>();
        int top = table.getTopIndex();
        int end = Math.min(table.getItemCount(), Math.min(rows.size(), top + visibleRows));
        for (int i = top; i < end; i++) {
            TorrentRow row = rows.get(i);
            RowIcon icon = RowIcon.of(row);
            Image expected = progress.image(row);
            boolean shown = expected == null || table.getItem(i).getImage(Column.PROGRESS.ordinal()) == expected;
            lines.add(row.id() + " " + (shown ? icon.name().toLowerCase(java.util.Locale.ROOT) : "none"));
        }
        return lines;
    }

    /** The selected torrents' ids, in table order. */
    List<Integer> selectedIds() {
        List<Integer> ids = new ArrayList<>();
        for (int index : table.getSelectionIndices()) {
            if (index < rows.size()) {
                ids.add(rows.get(index).id());
            }
        }
        return ids;
    }

    /** Scrolls row {@code index} to the top, its stale rows cleared first. */
    void scrollTo(int index) {
        work.refresh();
        if (index >= table.getItemCount()) {
            resizeNow();
        }
        trace.section("setTopIndex", () -> {
            if (fixedRows && table.isVisible()) {
                // GTK animates setTopIndex over 200 ms once it knows every row's height: a dozen
                // repaints of the whole table. The scroll bar jumps, by the row's distance from the
                // top of the rows (its bounds' y) in pixels.
                ScrollBar bar = table.getVerticalBar();
                bar.setSelection(bar.getSelection() + table.getItem(index).getBounds().y);
            } else {
                table.setTopIndex(index);
            }
        });
        trace.section("clear", this::clearVisible);
    }

    /** Selects every row shown (Ctrl+A), telling the window as a click does. */
    void selectAll() {
        table.selectAll();
        table.notifyListeners(SWT.Selection, new Event());
    }

    /** Selects the row of torrent {@code id} alone and scrolls to it; false when it is not shown. */
    boolean selectOnly(int id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                work.refresh();
                selected = new HashSet<>(Set.of(id));
                if (i >= table.getItemCount()) {
                    resizeNow();
                }
                table.setSelection(i);
                clearVisible();
                return true;
            }
        }
        return false;
    }

    private void fill(Event event) {
        work.setData();
        TableItem item = (TableItem) event.item;
        int index = event.index;
        if (index >= rows.size()) {
            return;
        }
        work.rowFormatted();
        TorrentRow row = rows.get(index);
        filled.set(index);
        stale.clear(index);
        String[] cells = Column.cells(row);
        progress.fill(item, row, cells);
        item.setText(cells);
        item.setData(row);
    }

    private Set<Integer> idsAt(int[] indices) {
        Set<Integer> ids = new HashSet<>();
        for (int index : indices) {
            if (index < rows.size()) {
                ids.add(rows.get(index).id());
            }
        }
        return ids;
    }

    /** The row the user just clicked when it is selected, else the first selected, else -1. */
    private int primary(Event event) {
        if (event.item instanceof TableItem item && !item.isDisposed() && item.getData() instanceof TorrentRow row
                && selected.contains(row.id())) {
            return row.id();
        }
        List<Integer> ids = selectedIds();
        return ids.isEmpty() ? -1 : ids.get(0);
    }
}
