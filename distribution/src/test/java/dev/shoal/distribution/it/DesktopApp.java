package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The desktop ITs' fixture, as a JUnit extension in a static field: an X display for the class's
 * tests ({@link VirtualDisplay}), and per test the desktop app (the daemon and its window, peers on
 * loopback) started in the test's folder, driven once its window is up ({@link DesktopDriver}), and
 * stopped after the test.
 */
final class DesktopApp implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final VirtualDisplay display = new VirtualDisplay();
    private Path work;
    private Shoal shoal;
    private ShoalCli cli;
    private ShoalDaemon desktop;

    @Override
    public void beforeAll(ExtensionContext context) {
        display.beforeAll(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        if (desktop != null) {
            desktop.close();
            desktop = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        display.afterAll(context);
    }

    /** Starts the app with its data in {@code work} and waits for its window; its driver. */
    DesktopDriver start(Path work) throws IOException {
        this.work = work;
        shoal = new Shoal(work);
        cli = new ShoalCli(shoal);
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        return launch();
    }

    /** Ends the app with SIGTERM (as a logout does), which must exit 0, and starts it again on the same data. */
    DesktopDriver restart(Duration within) throws IOException, InterruptedException {
        assertEquals(0, desktop.terminate(within), desktop::output);
        return launch();
    }

    ShoalCli cli() {
        return cli;
    }

    /** The app's process since the last start. */
    ShoalDaemon process() {
        return desktop;
    }

    /** What the app printed, for a failure's message. */
    String output() {
        return desktop.output();
    }

    private DesktopDriver launch() throws IOException {
        desktop = ShoalDaemon.startDesktop(shoal, work, display.name()).awaitRemoteShell(DesktopIT.STARTUP);
        DesktopDriver ui = new DesktopDriver(cli, desktop::output);
        ui.awaitWindow(DesktopIT.STARTUP);
        return ui;
    }
}
