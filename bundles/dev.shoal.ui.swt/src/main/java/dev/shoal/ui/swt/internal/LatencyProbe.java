package dev.shoal.ui.swt.internal;

import dev.shoal.ui.swt.internal.window.Ui;
import org.eclipse.swt.widgets.Display;

/**
 * Posts an {@code asyncExec} every 20 ms and records how long it waited to run: the display
 * thread's responsiveness as a user's click would feel it, including time spent in nested loops
 * (modal dialogs) that the loop's own timing cannot split up.
 */
final class LatencyProbe {

    private static final long PERIOD_MILLIS = 20;

    private final Display display;
    private final LatencyStats stats;
    private final Thread thread;

    LatencyProbe(Display display, LatencyStats stats) {
        this.display = display;
        this.stats = stats;
        this.thread = new Thread(this::run, "shoal-ui-probe");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted() && !display.isDisposed()) {
                long posted = System.nanoTime();
                // One probe in flight at a time: a stuck display thread must not gather thousands.
                java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
                Ui.post(display, () -> {
                    stats.probe(System.nanoTime() - posted);
                    ran.countDown();
                });
                ran.await();
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException e) {
            // Stopped.
        }
    }
}
