package dev.shoal.ui.swt.internal.window;

import dev.shoal.support.text.Shares;
import dev.shoal.ui.swt.internal.DispatchTrace;
import dev.shoal.ui.swt.internal.DisplayWork;
import dev.shoal.ui.swt.internal.model.Column;
import dev.shoal.ui.swt.internal.model.RowIcon;
import dev.shoal.ui.swt.internal.model.TorrentRow;
import dev.shoal.ui.swt.internal.stateicons.StateIcons;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * The torrents table's Progress cells: the torrent's state icon, a green bar and the percent. The
 * icon is here rather than beside the name because a table holds images of one size only (SWT scales
 * every image to the first one's, stretching a 16 px icon to the bar's 48 by 13). On GTK icon and
 * bar are one image beside the percent text, one image per state and whole percent made when first
 * shown, which GTK draws itself: with
 * a PaintItem listener SWT draws every cell of every column of the table on its own, with X round
 * trips for each, and a repaint of a screenful of rows held the display thread 30–70 ms (more on a
 * busy machine, where the X server waits for a core too). Elsewhere owner drawing is the platform's
 * own and cheap, and the percent is painted on the bar.
 */
final class ProgressColumn {

    private static final int STEPS = 100;
    private static final int BAR_WIDTH = 48;
    private static final int GAP = 4;
    private static final int IMAGE_WIDTH = StateIcons.SIZE + GAP + BAR_WIDTH;

    private final Table table;
    private final DisplayWork work;
    private final Color fill;
    private final StateIcons icons;
    /** One per state icon and whole percent, made when first shown; null where the bar is painted. */
    private final Image[] images;
    /** The bar's height, and the image's (the icon's when taller). */
    private final int barHeight;
    private final int imageHeight;

    ProgressColumn(Table table, DispatchTrace trace, DisplayWork work, StateIcons icons) {
        this.table = table;
        this.work = work;
        this.icons = icons;
        fill = new Color(table.getDisplay(), 90, 170, 90);
        if ("gtk".equals(SWT.getPlatform())) {
            images = new Image[RowIcon.values().length * (STEPS + 1)];
            GC gc = new GC(table);
            // Lower than the text, so the image does not make the rows taller.
            barHeight = Math.max(6, gc.getFontMetrics().getHeight() - 4);
            imageHeight = Math.max(barHeight, StateIcons.SIZE);
            gc.dispose();
        } else {
            images = null;
            barHeight = 0;
            imageHeight = 0;
            table.addListener(SWT.PaintItem, e -> trace.section("PaintItem", () -> paint(e)));
        }
        table.addListener(SWT.Dispose, e -> dispose());
    }

    /** Shows {@code row}'s progress in {@code item}, whose texts {@code cells} are about to be set. */
    void fill(TableItem item, TorrentRow row, String[] cells) {
        int column = Column.PROGRESS.ordinal();
        if (images == null) {
            cells[column] = ""; // painted on the bar: plain text would show through it
        } else {
            item.setImage(column, image(row));
        }
    }

    /** The image the row's Progress cell shows on GTK; null elsewhere (painted). */
    Image image(TorrentRow row) {
        if (images == null) {
            return null;
        }
        // Floored like the percent: a full bar means done.
        int step = (int) Math.floor(Math.max(0, Math.min(1, row.progress())) * STEPS);
        RowIcon icon = RowIcon.of(row);
        int index = icon.ordinal() * (STEPS + 1) + step;
        if (images[index] == null) {
            images[index] = draw(icon, step);
        }
        return images[index];
    }

    private Image draw(RowIcon icon, int step) {
        work.imageMade();
        Display display = table.getDisplay();
        Image image = new Image(display, IMAGE_WIDTH, imageHeight);
        GC gc = new GC(image);
        gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(0, 0, IMAGE_WIDTH, imageHeight);
        gc.drawImage(icons.image(icon), 0, (imageHeight - StateIcons.SIZE) / 2);
        int x = StateIcons.SIZE + GAP;
        int y = (imageHeight - barHeight) / 2;
        gc.setBackground(fill);
        gc.fillRectangle(x + 1, y + 1, (BAR_WIDTH - 2) * step / STEPS, barHeight - 2);
        gc.setForeground(display.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(x, y, BAR_WIDTH - 1, barHeight - 1);
        gc.dispose();
        return image;
    }

    private void paint(Event event) {
        if (event.index != Column.PROGRESS.ordinal() || !(event.item.getData() instanceof TorrentRow row)) {
            return;
        }
        TableItem item = (TableItem) event.item;
        Rectangle cell = item.getBounds(event.index);
        GC gc = event.gc;
        Color oldBackground = gc.getBackground();
        Color oldForeground = gc.getForeground();
        gc.drawImage(icons.image(RowIcon.of(row)), cell.x + 2, cell.y + (cell.height - StateIcons.SIZE) / 2);
        int x = cell.x + 2 + StateIcons.SIZE + GAP;
        int y = cell.y + 2;
        int width = Math.max(0, cell.width - 5 - StateIcons.SIZE - GAP);
        int height = Math.max(0, cell.height - 5);
        gc.setBackground(fill);
        gc.fillRectangle(x, y, (int) Math.round(width * Math.max(0, Math.min(1, row.progress()))), height);
        gc.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(x, y, width, height);
        String text = Shares.percent(row.progress());
        Point extent = gc.textExtent(text);
        gc.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        gc.drawText(text, x + (width - extent.x) / 2, y + (height - extent.y) / 2 + 1, true);
        gc.setBackground(oldBackground);
        gc.setForeground(oldForeground);
    }

    private void dispose() {
        fill.dispose();
        if (images != null) {
            for (Image image : images) {
                if (image != null) {
                    image.dispose();
                }
            }
        }
    }
}
