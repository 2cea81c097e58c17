package dev.shoal.ui.swt.internal.window;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageDataProvider;
import org.eclipse.swt.widgets.Display;

/**
 * The actions' icons, from the bundle's {@code icons/} folder: {@code NAME.png} (16 px) at 100 % and
 * {@code NAME@2x.png} (32 px) at 200 %; at any other zoom SWT scales the nearest. One image per name,
 * shared by the menus and the toolbar, disposed with the window. Display thread only.
 */
final class ActionIcons {

    private static final String FOLDER = "/dev/shoal/ui/swt/icons/";

    private final Display display;
    private final Map<String, Image> images = new HashMap<>();

    ActionIcons(Display display) {
        this.display = display;
    }

    /** The icon of {@code action}, null when it has none (or its file is missing: a label is still there). */
    Image of(Action action) {
        String name = action.icon();
        if (name == null) {
            return null;
        }
        return images.computeIfAbsent(name, this::load);
    }

    private Image load(String name) {
        if (read(name + ".png") == null) {
            return null;
        }
        ImageDataProvider provider = zoom -> switch (zoom) {
            case 100 -> read(name + ".png");
            case 200 -> read(name + "@2x.png");
            default -> null;
        };
        return new Image(display, provider);
    }

    private static ImageData read(String file) {
        try (InputStream in = ActionIcons.class.getResourceAsStream(FOLDER + file)) {
            return in == null ? null : new ImageData(in);
        } catch (IOException | SWTException e) {
            return null;
        }
    }

    void dispose() {
        for (Image image : images.values()) {
            if (image != null) {
                image.dispose();
            }
        }
        images.clear();
    }
}
