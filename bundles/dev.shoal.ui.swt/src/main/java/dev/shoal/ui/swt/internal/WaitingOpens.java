package dev.shoal.ui.swt.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What was handed to the desktop to open ({@code shoal:open}) while its window is not up: the launch
 * that starts Shoal with a torrent hands it over as soon as this bundle's commands exist, which is
 * before the window shows, however long that takes. Kept in order and taken once the window is up;
 * bounded, so that a flood of hand-overs is refused in one line rather than grown without end.
 * Safe from any thread.
 */
final class WaitingOpens {

    /** Most torrents that may wait for the window; more than a file manager or a browser hands over at once. */
    static final int MOST_WAITING = 100;

    private final Deque<String> waiting = new ArrayDeque<>();
    /** Asks the display thread to take what waits; null while the window is not up. */
    private Runnable takeSoon;
    /** Why no window will come; null while one may. */
    private String unavailable;

    /**
     * Keeps {@code target} for the window, and has the window take it at once when it is up.
     *
     * @throws IllegalStateException when no window will come, or too many wait already
     */
    void add(String target) {
        Runnable take;
        synchronized (this) {
            if (unavailable != null) {
                throw new IllegalStateException(unavailable);
            }
            if (waiting.size() >= MOST_WAITING) {
                throw new IllegalStateException(MOST_WAITING + " torrents are waiting for the window already; "
                        + "not opened: " + target);
            }
            waiting.add(target);
            take = takeSoon;
        }
        if (take != null) {
            take.run();
        }
    }

    /** The window is up: {@code takeSoon} (posting to the display thread) is run now if anything waits, and for each later add. */
    void windowUp(Runnable takeSoon) {
        boolean any;
        synchronized (this) {
            this.takeSoon = takeSoon;
            any = !waiting.isEmpty();
        }
        if (any) {
            takeSoon.run();
        }
    }

    /** Everything waiting, in the order it came; on the display thread, with the window up. */
    synchronized List<String> takeAll() {
        List<String> all = List.copyOf(waiting);
        waiting.clear();
        return all;
    }

    /** The window closed: later adds wait for the next one. What still waited is returned. */
    synchronized List<String> windowDown() {
        takeSoon = null;
        return takeAll();
    }

    /** No window will come ({@code why}, one line): adds are refused from now on. What waited is returned. */
    synchronized List<String> unavailable(String why) {
        unavailable = why;
        takeSoon = null;
        return takeAll();
    }
}
