package dev.shoal.ui.swt.internal.stateicons;

import dev.shoal.ui.swt.internal.model.RowIcon;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;

/**
 * The icons' shapes on a 16-unit grid, scaled: white adds to the shape, black cuts it out (the
 * "!" of the error disc, the tick of the completed one). Colours from the GNOME palette.
 */
final class Shapes {

    private final GC gc;
    private final double scale;

    Shapes(GC gc, double scale) {
        this.gc = gc;
        this.scale = scale;
    }

    static RGB color(RowIcon icon) {
        return switch (icon) {
            case DOWNLOADING -> new RGB(0x35, 0x84, 0xe4);
            case SEEDING -> new RGB(0x2e, 0xc2, 0x7e);
            case PAUSED -> new RGB(0x77, 0x76, 0x7b);
            case CHECKING -> new RGB(0xe5, 0xa5, 0x0a);
            case QUEUED -> new RGB(0x98, 0x6a, 0x44);
            case ERROR -> new RGB(0xe0, 0x1b, 0x24);
            case COMPLETED -> new RGB(0x26, 0xa2, 0x69);
        };
    }

    void draw(RowIcon icon) {
        white();
        switch (icon) {
            case DOWNLOADING -> {
                rect(6, 1, 4, 8);
                polygon(1, 8, 15, 8, 8, 15);
            }
            case SEEDING -> {
                rect(6, 7, 4, 8);
                polygon(1, 8, 15, 8, 8, 1);
            }
            case PAUSED -> {
                round(3, 2, 4, 12);
                round(9, 2, 4, 12);
            }
            case CHECKING -> {
                // Two arrows chasing each other round: "working on it".
                gc.setLineWidth(px(2));
                gc.drawArc(px(2), px(2), px(12), px(12), 30, 150);
                gc.drawArc(px(2), px(2), px(12), px(12), 210, 150);
                polygon(11, 1, 15, 6, 10, 7);
                polygon(5, 15, 1, 10, 6, 9);
            }
            case QUEUED -> {
                gc.setLineWidth(px(2));
                gc.drawOval(px(2), px(2), px(12), px(12));
                rect(7, 4, 2, 5);
                rect(7, 7, 4, 2);
            }
            case ERROR -> {
                gc.fillOval(px(1), px(1), px(14), px(14));
                black();
                rect(7, 3, 2, 7);
                rect(7, 11, 2, 2);
            }
            case COMPLETED -> {
                gc.fillOval(px(1), px(1), px(14), px(14));
                black();
                gc.setLineWidth(px(2));
                gc.setLineCap(SWT.CAP_ROUND);
                gc.drawPolyline(new int[] {px(4), px(8), px(7), px(11), px(12), px(5)});
            }
        }
    }

    private void white() {
        gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_WHITE));
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_WHITE));
    }

    private void black() {
        gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_BLACK));
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_BLACK));
    }

    private int px(double units) {
        return (int) Math.round(units * scale);
    }

    private void rect(int x, int y, int w, int h) {
        gc.fillRectangle(px(x), px(y), px(w), px(h));
    }

    private void round(int x, int y, int w, int h) {
        gc.fillRoundRectangle(px(x), px(y), px(w), px(h), px(2), px(2));
    }

    private void polygon(int... points) {
        int[] scaled = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            scaled[i] = px(points[i]);
        }
        gc.fillPolygon(scaled);
    }
}
