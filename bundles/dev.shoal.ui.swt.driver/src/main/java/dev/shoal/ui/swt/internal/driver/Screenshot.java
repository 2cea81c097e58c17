package dev.shoal.ui.swt.internal.driver;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/**
 * A shell as pixels: its client area, copied from the screen while visible (what a person sees), else
 * painted by itself ({@code Control.print}). The frame is left out: its size is the window
 * manager's and only guessed by SWT, so the shell's bounds would cut it or add a strip of desktop.
 * A menu bar lies above the client area: copied from the screen, the picture starts at the shell's
 * top, at most {@value #MENU_BAR_MAX} px higher (with a window manager, a strip of its title may show).
 */
final class Screenshot {

    private static final int MENU_BAR_MAX = 48;

    private Screenshot() {
    }

    /** The pixels, taken on the display thread; saving them can happen elsewhere. */
    static ImageData take(Shell shell) {
        Rectangle client = shell.getClientArea();
        Rectangle bounds = shell.getDisplay().map(shell, null, client);
        boolean onScreen = shell.isVisible() && !shell.getMinimized();
        if (onScreen && shell.getMenuBar() != null) {
            int top = Math.max(shell.getBounds().y, bounds.y - MENU_BAR_MAX);
            bounds = new Rectangle(bounds.x, top, bounds.width, bounds.height + bounds.y - top);
        }
        Image image = new Image(shell.getDisplay(), Math.max(1, bounds.width), Math.max(1, bounds.height));
        try {
            if (onScreen) {
                GC gc = new GC(shell.getDisplay());
                try {
                    gc.copyArea(image, bounds.x, bounds.y);
                } finally {
                    gc.dispose();
                }
            } else {
                GC gc = new GC(image);
                try {
                    shell.print(gc);
                } finally {
                    gc.dispose();
                }
            }
            return image.getImageData();
        } finally {
            image.dispose();
        }
    }

    /** Writes {@code data} as PNG; any thread. */
    static void save(ImageData data, String file) {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        loader.save(file, SWT.IMAGE_PNG);
    }
}
