package dev.shoal.ui.swt.internal;

import java.time.Duration;
import java.util.function.Function;
import org.eclipse.swt.widgets.Display;
import dev.shoal.ui.swt.internal.window.MainWindow;

/**
 * The running desktop as the commands and the completion listener reach it (a service of this
 * bundle only: its package is private).
 */
public interface DesktopDriver {

    /** How long a command waits for the display thread before it gives up. */
    Duration COMMAND_WAIT = Duration.ofSeconds(10);

    /**
     * Runs {@code work} on the display thread with the window and waits for its result at most
     * {@link #COMMAND_WAIT}. Never call it on the display thread.
     *
     * @throws IllegalStateException when there is no window (no display, stopped) or the wait ran out
     */
    <T> T call(Function<MainWindow, T> work);

    /** The display, to post work that must not be waited for (it may open a dialog). */
    Display display();

    /** The add flow for a file, URL or magnet link, window raised; returns at once. */
    void open(String fileOrUrlOrMagnet);

    /** Shows and raises the window (also when hidden to the tray); returns at once. */
    void raise();

    /** A download completed: notify, if the settings say so. */
    void completed(String name);

    LatencyStats latency();
}
