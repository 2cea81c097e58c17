package dev.shoal.ui.swt.internal.window;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;

/** Posting to the display thread from any thread, when the display may be going away. */
public final class Ui {

    private Ui() {
    }

    /** Runs {@code task} on the display thread later, or drops it when the display is gone (the window closed). */
    public static void post(Display display, Runnable task) {
        if (display == null || display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(task);
        } catch (SWTException e) {
            // Disposed between the check and the post: nothing left to show it on.
        }
    }
}
