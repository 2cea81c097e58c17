package dev.shoal.ui.swt.internal.tabs;

import java.util.BitSet;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * The pieces bar: the torrent's pieces scaled to the width, each pixel column as dark as the share
 * of its pieces that is verified. Work is O(pieces + width) per paint, whatever the torrent's size.
 */
final class PiecesBar {

    private final Canvas canvas;
    private final Color done;
    private BitSet verified = new BitSet();
    private int pieces;

    PiecesBar(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        done = new Color(parent.getDisplay(), 40, 110, 200);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Dispose, e -> done.dispose());
    }

    Canvas control() {
        return canvas;
    }

    void set(BitSet newVerified, int newPieces) {
        verified = newVerified;
        pieces = newPieces;
        canvas.redraw();
    }

    /** "12/40 pieces". */
    String describe() {
        return verified.cardinality() + "/" + pieces + " pieces";
    }

    private void paint(Event event) {
        GC gc = event.gc;
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        if (pieces <= 0 || area.width <= 0) {
            return;
        }
        Color background = gc.getBackground();
        for (int x = 0; x < area.width; x++) {
            int from = (int) ((long) x * pieces / area.width);
            int to = Math.max(from + 1, (int) ((long) (x + 1) * pieces / area.width));
            int have = verified.get(from, to).cardinality();
            if (have == 0) {
                continue;
            }
            double share = (double) have / (to - from);
            gc.setForeground(blend(background, share));
            gc.drawLine(area.x + x, area.y, area.x + x, area.y + area.height);
        }
        String text = describe();
        Point extent = gc.textExtent(text);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        gc.drawText(text, area.x + area.width - extent.x - 4, area.y + (area.height - extent.y) / 2, true);
    }

    /** The done colour at {@code share}, faded toward the background below 1; a fresh Color per call is
     *  cheap on GTK (no handle) and dies with the GC's use. */
    private Color blend(Color background, double share) {
        int r = (int) (background.getRed() + (done.getRed() - background.getRed()) * share);
        int g = (int) (background.getGreen() + (done.getGreen() - background.getGreen()) * share);
        int b = (int) (background.getBlue() + (done.getBlue() - background.getBlue()) * share);
        return new Color(r, g, b);
    }
}
