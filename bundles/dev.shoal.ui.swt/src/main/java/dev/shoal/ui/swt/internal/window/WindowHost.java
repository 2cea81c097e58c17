package dev.shoal.ui.swt.internal.window;

import dev.shoal.ui.swt.internal.DispatchTrace;
import dev.shoal.ui.swt.internal.DisplayWork;
import dev.shoal.ui.swt.internal.Settings;
import dev.shoal.ui.swt.internal.model.ViewState;

/** What the window asks of the desktop that runs it; called on the display thread, returns at once. */
public interface WindowHost {

    Settings settings();

    /** The table should show rows this way from now on. */
    void view(ViewState view);

    /** The window was shown ({@code true}) or hidden or minimized: what it shows need not be read meanwhile. */
    void visible(boolean shown);

    /** The details pane follows torrent {@code id} (-1: none); also re-reads it after a change. */
    void select(int id);

    /** Stops the whole application (the framework), off the display thread. */
    void quit();

    /** Names the window's work on the display thread for {@code ui:latency}. */
    DispatchTrace trace();

    /** Counts the table's work per refresh for {@code ui:work}. */
    DisplayWork work();
}
