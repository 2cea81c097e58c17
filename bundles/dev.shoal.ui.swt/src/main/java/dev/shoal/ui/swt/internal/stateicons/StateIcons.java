package dev.shoal.ui.swt.internal.stateicons;

import dev.shoal.ui.swt.internal.model.RowIcon;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageDataProvider;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * The rows' state icons, drawn here rather than shipped: symbolic shapes in one colour each, 16 px
 * at 100 % and 32 px at 200 % (SWT asks the {@link ImageDataProvider} for the zoom it needs), each
 * drawn antialiased into a coverage mask on a black image and turned into that colour with the
 * coverage as alpha, so the edges blend into any row background, selected or not. Made once per
 * display, on first use; display thread only.
 */
public final class StateIcons {

    /** The size at 100 %, in points. */
    public static final int SIZE = 16;

    private final Display display;
    private final Map<RowIcon, Image> images = new EnumMap<>(RowIcon.class);

    public StateIcons(Display display) {
        this.display = display;
    }

    public Image image(RowIcon icon) {
        return images.computeIfAbsent(icon, i -> new Image(display, (ImageDataProvider) zoom -> draw(i, zoom)));
    }

    public void dispose() {
        images.values().forEach(Image::dispose);
        images.clear();
    }

    private ImageData draw(RowIcon icon, int zoom) {
        if (zoom != 100 && zoom != 200) {
            return null; // SWT scales the 100 % image for other zooms
        }
        int size = SIZE * zoom / 100;
        Image mask = new Image(display, size, size);
        GC gc = new GC(mask);
        try {
            gc.setBackground(display.getSystemColor(SWT.COLOR_BLACK));
            gc.fillRectangle(0, 0, size, size);
            gc.setAntialias(SWT.ON);
            Shapes shapes = new Shapes(gc, zoom / 100.0);
            shapes.draw(icon);
        } finally {
            gc.dispose();
        }
        ImageData coverage = mask.getImageData();
        mask.dispose();
        RGB color = Shapes.color(icon);
        ImageData data = new ImageData(coverage.width, coverage.height, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        int pixel = data.palette.getPixel(color);
        byte[] alpha = new byte[coverage.width * coverage.height];
        for (int y = 0; y < coverage.height; y++) {
            for (int x = 0; x < coverage.width; x++) {
                data.setPixel(x, y, pixel);
                alpha[y * coverage.width + x] = (byte) coverage.palette.getRGB(coverage.getPixel(x, y)).red;
            }
        }
        data.alphaData = alpha;
        return data;
    }
}
