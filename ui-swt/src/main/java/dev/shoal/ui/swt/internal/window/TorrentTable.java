package dev.shoal.ui.swt.internal.window;

import dev.shoal.ui.swt.internal.DispatchTrace;
import dev.shoal.ui.swt.internal.Units;
import dev.shoal.ui.swt.internal.model.Column;
import dev.shoal.ui.swt.internal.model.TorrentRow;
import dev.shoal.ui.swt.internal.model.ViewState;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * The torrents table. SWT.VIRTUAL: a refresh sets the row count and clears the items, and only the
 * rows on screen ask for their text (SetData), so 10,000 torrents cost what 30 do. Rows arrive
 * filtered and sorted from the poller. The selection is kept by torrent id across refreshes.
 */
final class TorrentTable {

    private final Table table;
    private final DispatchTrace trace;
    private final Color bar;
    private List<TorrentRow> rows = List.of();
    /** Rows the table has asked for (SetData) since they were last cleared. */
    private final BitSet filled = new BitSet();
    /** Filled rows whose values changed, not cleared yet. */
    private final BitSet stale = new BitSet();
    private boolean clearing;
    private Set<Integer> selected = new HashSet<>();

    TorrentTable(Composite parent, DispatchTrace trace, Consumer<Column> headerClicked, IntConsumer primarySelected) {
        this.trace = trace;
        table = new Table(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        bar = new Color(parent.getDisplay(), 90, 170, 90);
        table.addListener(SWT.Dispose, e -> bar.dispose());
        for (Column column : Column.values()) {
            int align = column == Column.NAME || column == Column.STATE ? SWT.LEFT : SWT.RIGHT;
            TableColumn tc = new TableColumn(table, align);
            tc.setText(column.title());
            tc.setWidth(column.width());
            tc.setMoveable(true);
            tc.addListener(SWT.Selection, e -> headerClicked.accept(column));
        }
        table.addListener(SWT.SetData, e -> trace.section("SetData", () -> fill(e)));
        table.getVerticalBar().addListener(SWT.Selection, e -> trace.section("clear", this::clearVisible));
        table.addListener(SWT.PaintItem, e -> trace.section("PaintItem", () -> paintProgress(e)));
        table.addListener(SWT.Selection, e -> {
            selected = idsAt(table.getSelectionIndices());
            primarySelected.accept(primary(e));
        });
    }

    Table control() {
        return table;
    }

    /**
     * Shows {@code shown}. Only rows the table has filled (SetData) and whose values changed are
     * cleared: clearing a filled row costs GTK a model update per column, so after a sort with
     * hundreds of rows filled by scrolling, clearing them all at once would hold the display thread
     * for tens of milliseconds. The rows on screen are cleared now, the rest in small batches, one
     * event each; a scroll clears what comes into view first.
     */
    void apply(List<TorrentRow> shown, ViewState view) {
        List<TorrentRow> old = rows;
        rows = shown;
        if (table.getItemCount() != shown.size()) {
            trace.section("setItemCount", () -> table.setItemCount(shown.size()));
        }
        if (filled.length() > shown.size()) {
            filled.clear(shown.size(), filled.length());
            stale.clear(shown.size(), Math.max(shown.size(), stale.length()));
        }
        for (int i = filled.nextSetBit(0); i >= 0; i = filled.nextSetBit(i + 1)) {
            if (i >= old.size() || !old.get(i).equals(shown.get(i))) {
                stale.set(i);
            }
        }
        trace.section("clear", this::clearVisible);
        scheduleClears();
        int[] wanted = selectedIndices(shown);
        if (!java.util.Arrays.equals(wanted, table.getSelectionIndices())) {
            table.deselectAll();
            table.select(wanted);
        }
        TableColumn sortColumn = table.getColumn(view.sort().ordinal());
        if (table.getSortColumn() != sortColumn) {
            table.setSortColumn(sortColumn);
        }
        int direction = view.ascending() ? SWT.UP : SWT.DOWN;
        if (table.getSortDirection() != direction) {
            table.setSortDirection(direction);
        }
    }

    /** How many stale rows one event clears: about 10 ms of GTK model updates. */
    private static final int CLEAR_BATCH = 40;

    private void clearVisible() {
        int top = table.getTopIndex();
        int visible = table.getClientArea().height / Math.max(1, table.getItemHeight()) + 2;
        clear(stale.get(top, Math.min(rows.size(), top + visible)).stream().map(i -> i + top).toArray());
    }

    private void clear(int[] indices) {
        for (int i : indices) {
            if (i < table.getItemCount()) {
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
        trace.section("setTopIndex", () -> table.setTopIndex(index));
        trace.section("clear", this::clearVisible);
    }

    /** Selects the row of torrent {@code id} alone and scrolls to it; false when it is not shown. */
    boolean selectOnly(int id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                selected = new HashSet<>(Set.of(id));
                table.setSelection(i);
                clearVisible();
                return true;
            }
        }
        return false;
    }

    private void fill(Event event) {
        TableItem item = (TableItem) event.item;
        int index = event.index;
        if (index >= rows.size()) {
            return;
        }
        TorrentRow row = rows.get(index);
        filled.set(index);
        stale.clear(index);
        String[] cells = Column.cells(row);
        // The progress cell is drawn as a bar with its percent; plain text would show through it.
        cells[Column.PROGRESS.ordinal()] = "";
        item.setText(cells);
        item.setData(row);
    }

    private void paintProgress(Event event) {
        if (event.index != Column.PROGRESS.ordinal() || !(event.item.getData() instanceof TorrentRow row)) {
            return;
        }
        TableItem item = (TableItem) event.item;
        Rectangle cell = item.getBounds(event.index);
        GC gc = event.gc;
        Color oldBackground = gc.getBackground();
        Color oldForeground = gc.getForeground();
        int x = cell.x + 2;
        int y = cell.y + 2;
        int width = Math.max(0, cell.width - 5);
        int height = Math.max(0, cell.height - 5);
        gc.setBackground(bar);
        gc.fillRectangle(x, y, (int) Math.round(width * Math.max(0, Math.min(1, row.progress()))), height);
        gc.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(x, y, width, height);
        String text = Units.percent(row.progress());
        Point extent = gc.textExtent(text);
        gc.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        gc.drawText(text, x + (width - extent.x) / 2, y + (height - extent.y) / 2 + 1, true);
        gc.setBackground(oldBackground);
        gc.setForeground(oldForeground);
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
