package dev.shoal.ui.swt.internal.driver;

import dev.shoal.ui.swt.internal.DesktopDriver;
import dev.shoal.ui.swt.internal.LatencyStats;
import java.util.concurrent.CountDownLatch;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Posts a task to the display thread every 20 ms and records how long it waited to run, for
 * {@code ui:latency}: the display thread's responsiveness as a user's click would feel it, including
 * time spent in nested loops (modal dialogs) that the loop's own timing cannot split up. Here, not
 * in the window, because only the driver reads it; and only once asked ({@link #start()}, which
 * {@code ui:latency} calls, or the framework property {@value LatencyStats#PROPERTY}): a window
 * with the driver installed wakes 50 times a second only while someone measures it. Until then no
 * thread exists. While no window is open it only waits for one.
 */
@Component(service = LatencyProbe.class)
public final class LatencyProbe {

    static final String THREAD = "shoal-ui-probe";
    private static final long PERIOD_MILLIS = 20;

    private final DesktopDriver desktop;
    /** Guarded by this; null until started. */
    private Thread thread;
    private boolean stopped;

    @Activate
    public LatencyProbe(@Reference DesktopDriver desktop) {
        this.desktop = desktop;
        // The window measures from its start when the property is set (DesktopComponent): so does the probe.
        if (desktop.latency().measuring()) {
            start();
        }
    }

    /** Starts probing (and the window's own timing), unless it runs already; returns at once. */
    public synchronized void start() {
        if (thread != null || stopped) {
            return;
        }
        desktop.measure();
        thread = new Thread(this::run, THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    synchronized boolean running() {
        return thread != null && thread.isAlive();
    }

    @Deactivate
    void deactivate() {
        Thread running;
        synchronized (this) {
            stopped = true;
            running = thread;
        }
        if (running == null) {
            return;
        }
        running.interrupt();
        try {
            running.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long posted = System.nanoTime();
                // One probe in flight at a time: a stuck display thread must not gather thousands.
                CountDownLatch ran = new CountDownLatch(1);
                try {
                    desktop.post("probe", () -> {
                        desktop.latency().probe(System.nanoTime() - posted);
                        ran.countDown();
                    });
                    ran.await();
                } catch (IllegalStateException noWindow) {
                    // Not open yet (or no display at all): look again next period.
                }
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException e) {
            // Stopped.
        }
    }
}
