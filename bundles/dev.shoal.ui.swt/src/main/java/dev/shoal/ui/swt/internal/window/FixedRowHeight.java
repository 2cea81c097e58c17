package dev.shoal.ui.swt.internal.window;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Widget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GtkTreeView's fixed-height mode for a table whose rows are all one line high. Without it GTK
 * measures every row, and to measure a row of a VIRTUAL table it asks SWT for its cells (SetData):
 * for all 10,000 rows in the background after each change of the row count, and at once for every
 * row above the target of a scroll, which held the display thread for up to 200 ms. In the mode GTK
 * takes every row's height from the first. SWT has no API for it: on GTK a Table's handle is its
 * GtkTreeView, and a VIRTUAL table's columns are of fixed width, as the mode requires, so the
 * property is set through SWT's own binding of {@code g_object_set}. Anywhere else, or should SWT's
 * internals change, nothing happens and the table only costs more.
 */
final class FixedRowHeight {

    private static final Logger LOG = LoggerFactory.getLogger(FixedRowHeight.class);
    private static final byte[] PROPERTY = "fixed-height-mode\0".getBytes(StandardCharsets.US_ASCII);

    private FixedRowHeight() {
    }

    /** True when the mode is on for {@code table}, a VIRTUAL one. */
    static boolean apply(Table table) {
        if (!"gtk".equals(SWT.getPlatform()) || (table.getStyle() & SWT.VIRTUAL) == 0) {
            return false;
        }
        try {
            // SWT's class loader: in OSGi the internal package is not imported, but it is SWT's own.
            Class<?> os = Class.forName("org.eclipse.swt.internal.gtk.OS", true, Table.class.getClassLoader());
            long handle = Widget.class.getField("handle").getLong(table);
            Method set = os.getMethod("g_object_set", long.class, byte[].class, boolean.class, long.class);
            set.invoke(null, handle, PROPERTY, true, 0L);
            Method get = os.getMethod("g_object_get", long.class, byte[].class, int[].class, long.class);
            int[] on = new int[1];
            get.invoke(null, handle, PROPERTY, on, 0L);
            return on[0] != 0;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.debug("desktop: no fixed-height rows for the torrents table ({})", e.toString());
            return false;
        }
    }
}
