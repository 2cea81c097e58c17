package dev.shoal.ui.swt.internal;

import java.util.function.Supplier;
import org.eclipse.swt.widgets.Display;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event loop, timed: every {@code readAndDispatch} is measured (its longest is the "busy
 * stretch" {@code ui:latency} reports), and the {@link DispatchTrace} says what the slowest were spent
 * on. It ends when asked, or when the thread is interrupted (the SIGTERM path): a 250 ms timer wakes
 * the loop to look.
 */
final class DisplayLoop {

    private static final Logger LOG = LoggerFactory.getLogger(DisplayLoop.class);
    private static final int TICK_MILLIS = 250;

    private final Display display;
    private final LatencyStats stats;
    private final DispatchTrace trace;
    private final Supplier<String> described;
    private volatile boolean stop;

    DisplayLoop(Display display, LatencyStats stats, DispatchTrace trace) {
        this.display = display;
        this.stats = stats;
        this.trace = trace;
        this.described = trace::describe;
    }

    /** Asks the loop to end soon; any thread. */
    void stop() {
        stop = true;
        if (!display.isDisposed()) {
            try {
                display.wake();
            } catch (org.eclipse.swt.SWTException e) {
                // Disposed meanwhile: the loop has ended already.
            }
        }
    }

    void run() {
        Runnable tick = new Runnable() {
            @Override
            public void run() {
                if (Thread.currentThread().isInterrupted()) {
                    stop = true;
                } else if (!stop && !display.isDisposed()) {
                    display.timerExec(TICK_MILLIS, this);
                }
            }
        };
        display.timerExec(TICK_MILLIS, tick);
        while (!stop && !Thread.currentThread().isInterrupted() && !display.isDisposed()) {
            trace.begin();
            long start = System.nanoTime();
            boolean more;
            try {
                more = display.readAndDispatch();
            } catch (RuntimeException | LinkageError e) {
                // A bug in one listener must not take the window down; downloads go on regardless.
                LOG.error("desktop: an event handler failed", e);
                more = true;
            }
            long took = System.nanoTime() - start;
            trace.end(took);
            stats.busy(took, described);
            if (!more && !stop) {
                display.sleep();
            }
        }
    }
}
