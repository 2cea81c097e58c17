package dev.shoal.ui.swt.internal.tabs;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * A plain table of text rows for the Peers and Trackers tabs (a few hundred rows at most): items are
 * reused and only changed cells are set, so a refresh does not flicker or lose the scroll position.
 */
final class RowsTable {

    private final Table table;
    private final String[] titles;

    RowsTable(Composite parent, String[] titles, int[] widths) {
        this.titles = titles.clone();
        table = new Table(parent, SWT.FULL_SELECTION | SWT.MULTI);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, i == 0 ? SWT.LEFT : SWT.RIGHT);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
        }
    }

    Table control() {
        return table;
    }

    void set(List<String[]> rows) {
        if (table.getItemCount() != rows.size()) {
            table.setItemCount(rows.size());
        }
        for (int r = 0; r < rows.size(); r++) {
            TableItem item = table.getItem(r);
            String[] cells = rows.get(r);
            for (int c = 0; c < cells.length; c++) {
                if (!item.getText(c).equals(cells[c])) {
                    item.setText(c, cells[c]);
                }
            }
        }
    }

    List<String> text() {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(" | ", titles));
        for (TableItem item : table.getItems()) {
            String[] cells = new String[titles.length];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = item.getText(c);
            }
            lines.add(String.join(" | ", cells));
        }
        return lines;
    }
}
