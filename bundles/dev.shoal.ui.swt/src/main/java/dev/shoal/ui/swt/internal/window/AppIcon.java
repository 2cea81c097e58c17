package dev.shoal.ui.swt.internal.window;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * The Shoal icon, drawn rather than shipped so every size is sharp: a teal disc with a white
 * downward arrow over three "shoal" waves. The caller disposes the images.
 */
public final class AppIcon {

    private AppIcon() {
    }

    public static Image[] images(Display display) {
        int[] sizes = {16, 32, 48, 64};
        Image[] images = new Image[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = draw(display, sizes[i]);
        }
        return images;
    }

    public static Image draw(Display display, int size) {
        // Start from a transparent ImageData so the disc's corners stay clear on any panel colour.
        ImageData data = new ImageData(size, size, 24, new org.eclipse.swt.graphics.PaletteData(0xFF0000, 0xFF00, 0xFF));
        data.alphaData = new byte[size * size];
        Image mask = new Image(display, data);
        GC gc = new GC(mask);
        gc.setAntialias(SWT.ON);
        org.eclipse.swt.graphics.Color teal = new org.eclipse.swt.graphics.Color(display, new RGB(0, 128, 140));
        gc.setBackground(teal);
        gc.fillOval(0, 0, size, size);
        gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
        gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
        int mid = size / 2;
        int shaft = Math.max(2, size / 8);
        gc.fillRectangle(mid - shaft / 2, size / 5, shaft, size / 3);
        gc.fillPolygon(new int[] {mid - size / 4, size / 2, mid + size / 4, size / 2, mid, size * 3 / 4});
        gc.setLineWidth(Math.max(1, size / 16));
        gc.drawLine(size / 5, size * 4 / 5, size * 4 / 5, size * 4 / 5);
        gc.dispose();
        teal.dispose();
        ImageData drawn = mask.getImageData();
        mask.dispose();
        // Alpha from the disc: inside it opaque, outside clear.
        byte[] alpha = new byte[size * size];
        double r = size / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = x + 0.5 - r;
                double dy = y + 0.5 - r;
                alpha[y * size + x] = (byte) (dx * dx + dy * dy <= r * r ? 255 : 0);
            }
        }
        drawn.alphaData = alpha;
        return new Image(display, drawn);
    }
}
