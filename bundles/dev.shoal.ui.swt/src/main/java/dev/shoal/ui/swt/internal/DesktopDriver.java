package dev.shoal.ui.swt.internal;

import java.time.Duration;
import java.util.function.Function;
import dev.shoal.ui.swt.internal.window.MainWindow;

/**
 * The running desktop as the commands and the completion listener reach it (a service of this
 * bundle only: its package is private). The {@code ui:} commands that drive the window in tests live
 * in the fragment dev.shoal.ui.swt.driver, which shares this bundle's class space; {@link #call},
 * {@link #post}, {@link #latency} and {@link #work} are theirs.
 */
public interface DesktopDriver {

    /**
     * How long a command waits for the display thread before it gives up: long, for a window that
     * works is quick anyway, and a machine busy with other work must not make a test fail that only
     * wants to know whether the window still answers.
     */
    Duration COMMAND_WAIT = Duration.ofSeconds(60);

    /**
     * Runs {@code work} on the display thread with the window and waits for its result at most
     * {@link #COMMAND_WAIT}; {@code what} names it in {@code ui:latency}. Never call it on the display
     * thread.
     *
     * @throws IllegalStateException when there is no window (no display, stopped) or the wait ran out
     */
    <T> T call(String what, Function<MainWindow, T> work);

    /**
     * Runs {@code task} on the display thread later, not waited for (it may open a dialog); {@code what}
     * names it in {@code ui:latency}.
     *
     * @throws IllegalStateException when there is no window
     */
    void post(String what, Runnable task);

    /** The add flow for a file, URL or magnet link, window raised; returns at once. */
    void open(String fileOrUrlOrMagnet);

    /** Shows and raises the window (also when hidden to the tray); returns at once. */
    void raise();

    /** The engine added, removed or moved a torrent to another state: the window reads it at once. */
    void changed();

    /** A download completed: notify, if the settings say so. */
    void completed(String name);

    /** A torrent stopped on a failure: notify, if the settings say so. */
    void failed(String name, String why);

    LatencyStats latency();

    /**
     * Times the event loop from now on (its dispatches and their sections) for {@link #latency()}:
     * off until asked, for a product window has no use for it.
     */
    void measure();

    /** What the display thread does per refresh; read and reset it on the display thread ({@link #call}). */
    DisplayWork work();
}
