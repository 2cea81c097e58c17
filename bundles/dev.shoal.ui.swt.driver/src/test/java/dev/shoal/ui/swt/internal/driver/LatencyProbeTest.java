package dev.shoal.ui.swt.internal.driver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.ui.swt.internal.DesktopDriver;
import dev.shoal.ui.swt.internal.DisplayWork;
import dev.shoal.ui.swt.internal.EngineGuard;
import dev.shoal.ui.swt.internal.LatencyStats;
import dev.shoal.ui.swt.internal.window.MainWindow;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The probe wakes the display thread 50 times a second, so it exists only once asked for. */
class LatencyProbeTest {

    /** A window that runs every posted task at once, on the poster's thread. */
    private static final class Window implements DesktopDriver {
        final LatencyStats latency = new LatencyStats();

        @Override
        public <T> T call(String what, Function<MainWindow, T> work) {
            throw new IllegalStateException("no desktop window is open");
        }

        @Override
        public void post(String what, Runnable task) {
            task.run();
        }

        @Override
        public void open(String fileOrUrlOrMagnet) {
        }

        @Override
        public void raise() {
        }

        @Override
        public void changed() {
        }

        @Override
        public void completed(String name) {
        }

        @Override
        public void failed(String name, String why) {
        }

        @Override
        public LatencyStats latency() {
            return latency;
        }

        @Override
        public void measure() {
            latency.measure();
        }

        @Override
        public DisplayWork work() {
            return new DisplayWork(new EngineGuard());
        }
    }

    @Test
    void noProbeThreadUntilAskedThenItProbesAndStopsWithTheComponent() throws InterruptedException {
        Window window = new Window();
        LatencyProbe probe = new LatencyProbe(window);
        try {
            assertFalse(probe.running());
            assertFalse(probeThreadExists(), "a probe thread runs though nobody asked");
            assertFalse(window.latency.measuring(), "the event loop is timed though nobody asked");

            probe.start();
            probe.start(); // a second ui:latency starts nothing more
            assertTrue(probe.running());
            assertTrue(window.latency.measuring());
            long deadline = System.nanoTime() + 60_000_000_000L; // only against a hang
            while (!window.latency.summary().matches("(?s).*probes=[1-9].*") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(window.latency.summary().matches("(?s).*probes=[1-9].*"), window.latency::summary);
        } finally {
            probe.deactivate();
        }
        assertFalse(probe.running());
    }

    @Test
    void aWindowMeasuredFromItsStartHasItsProbeFromTheStart() {
        Window window = new Window();
        window.measure(); // what DesktopComponent does with -Dshoal.ui.latency=true
        LatencyProbe probe = new LatencyProbe(window);
        try {
            assertTrue(probe.running());
        } finally {
            probe.deactivate();
        }
    }

    private static boolean probeThreadExists() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(LatencyProbe.THREAD) && t.isAlive());
    }
}
