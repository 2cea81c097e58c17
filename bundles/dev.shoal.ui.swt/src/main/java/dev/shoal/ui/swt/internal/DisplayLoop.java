package dev.shoal.ui.swt.internal;

import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.swt.widgets.Display;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event loop, timed once asked ({@link LatencyStats#measure()}): every {@code readAndDispatch}
 * is measured (its longest is the "busy stretch" {@code ui:latency} reports), and the
 * {@link DispatchTrace} says what the slowest were spent on. It ends when asked, or when the JVM
 * shuts down (the SIGTERM path, which interrupts this thread too): a shutdown hook wakes it then,
 * so no timer wakes the thread while nothing happens.
 */
final class DisplayLoop {

    private static final Logger LOG = LoggerFactory.getLogger(DisplayLoop.class);

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
        Thread hook = new Thread(this::stop, "shoal-ui-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Optional<GtkSleep> gtk = GtkSleep.of(display);
        try {
            while (!stop && !Thread.currentThread().isInterrupted() && !display.isDisposed()) {
                boolean more = stats.measuring() ? timedDispatch() : dispatch();
                if (!more && !stop && !(gtk.isPresent() && gtk.get().sleep())) {
                    display.sleep();
                }
            }
        } finally {
            gtk.ifPresent(GtkSleep::dispose);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs or ran: nothing to remove.
            }
        }
    }

    private boolean timedDispatch() {
        trace.begin();
        long start = System.nanoTime();
        boolean more = dispatch();
        long took = System.nanoTime() - start;
        trace.end(took);
        stats.busy(took, described);
        return more;
    }

    private boolean dispatch() {
        try {
            return display.readAndDispatch();
        } catch (RuntimeException | LinkageError e) {
            // A bug in one listener must not take the window down; downloads go on regardless.
            LOG.error("desktop: an event handler failed", e);
            return true;
        }
    }
}
