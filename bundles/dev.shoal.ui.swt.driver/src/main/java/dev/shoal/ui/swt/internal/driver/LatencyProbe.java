package dev.shoal.ui.swt.internal.driver;

import dev.shoal.ui.swt.internal.DesktopDriver;
import java.util.concurrent.CountDownLatch;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Posts a task to the display thread every 20 ms and records how long it waited to run, for
 * {@code ui:latency}: the display thread's responsiveness as a user's click would feel it, including
 * time spent in nested loops (modal dialogs) that the loop's own timing cannot split up. Here, not
 * in the window, because only the driver reads it: a product window need not wake 50 times a second.
 * Lives as long as the window's component; while no window is open it only waits for one.
 */
@Component(service = {})
public final class LatencyProbe {

    private static final long PERIOD_MILLIS = 20;

    private final DesktopDriver desktop;
    private final Thread thread;

    @Activate
    public LatencyProbe(@Reference DesktopDriver desktop) {
        this.desktop = desktop;
        this.thread = new Thread(this::run, "shoal-ui-probe");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() {
        thread.interrupt();
        try {
            thread.join(1000);
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
