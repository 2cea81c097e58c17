package dev.shoal.ui.swt.internal.tabs;

import java.util.List;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/** A tab that is one table of text rows (Peers, Trackers): the subclass turns a snapshot into rows. */
abstract class TableTab implements DetailsTab {

    private final String title;
    final RowsTable table;

    TableTab(Composite parent, String title, String[] columns, int[] widths) {
        this.title = title;
        this.table = new RowsTable(parent, columns, widths);
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Control control() {
        return table.control();
    }

    @Override
    public final List<String> text() {
        return table.text();
    }
}
