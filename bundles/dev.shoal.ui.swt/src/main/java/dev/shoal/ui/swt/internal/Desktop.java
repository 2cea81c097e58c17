package dev.shoal.ui.swt.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.support.torrent.TorrentSource;
import dev.shoal.support.torrent.TorrentSourceException;
import dev.shoal.ui.swt.internal.model.EnginePoller;
import dev.shoal.ui.swt.internal.model.PortsView;
import dev.shoal.ui.swt.internal.model.Snapshot;
import dev.shoal.ui.swt.internal.model.ViewState;
import dev.shoal.ui.swt.internal.window.MainWindow;
import dev.shoal.ui.swt.internal.window.Services;
import dev.shoal.ui.swt.internal.window.Ui;
import dev.shoal.ui.swt.internal.window.WindowHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.widgets.Display;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the desktop: the display, the window and the poller, from {@link #run()}
 * (on the main thread) until {@link #stop} or an interrupt. A new component activation makes a new
 * Desktop; the window then shows the engine as it is (hot swap).
 */
final class Desktop implements DesktopDriver, WindowHost {

    private static final Logger LOG = LoggerFactory.getLogger(Desktop.class);

    private final Services services;
    private final Runnable quit;
    private final LatencyStats latency = new LatencyStats();
    private final DispatchTrace trace = new DispatchTrace();
    private final DisplayWork work;
    private final EnginePoller poller;
    /** The snapshot waiting for the display thread; one at most, so a slow display never piles them up. */
    private final AtomicReference<Snapshot> pending = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final WaitingOpens opens = new WaitingOpens();
    private volatile Settings settings;
    private volatile boolean started;
    private volatile boolean stopRequested;
    private volatile Display display;
    private volatile MainWindow window;
    private volatile DisplayLoop loop;

    Desktop(Services services, DisplayWork work, Settings settings, Runnable quit) {
        this.services = services;
        this.work = work;
        this.settings = settings;
        this.quit = quit;
        this.poller = new EnginePoller(services.engine(), services.dht(),
                () -> PortsView.of(services.portmap().get()), this::post, settings.speedGraphMinutes());
    }

    /** The whole life of the window, on the display (main) thread. */
    void run() {
        started = true;
        try {
            if (stopRequested) {
                return;
            }
            Display created;
            try {
                // The window class the .desktop entry's StartupWMClass names; SWT's default is "SWT".
                Display.setAppName("Shoal");
                created = new Display();
            } catch (SWTError | LinkageError e) {
                LOG.error("desktop: no window, the display cannot be opened ({}); downloads go on without it",
                        e.getMessage());
                addWithoutWindow(opens.unavailable("no desktop window: the display cannot be opened ("
                        + e.getMessage() + ")"));
                return;
            }
            display = created;
            try {
                if (stopRequested) {
                    return;
                }
                MainWindow opened = new MainWindow(created, services, this);
                window = opened;
                opened.open();
                opens.windowUp(() -> Ui.post(created, () -> trace.section("open", this::openWaiting)));
                poller.schedule(settings.refreshMillis());
                DisplayLoop running = new DisplayLoop(created, latency, trace);
                loop = running;
                if (!stopRequested) {
                    running.run();
                }
            } finally {
                for (String target : opens.windowDown()) {
                    LOG.warn("desktop: the window closed before it could open {}", target);
                }
                poller.stop(2000);
                MainWindow last = window;
                window = null;
                if (last != null) {
                    last.dispose();
                }
                created.dispose();
                display = null;
            }
        } finally {
            ended.countDown();
        }
    }

    /** Asks the loop to end and waits for the window to close, at most {@code millis}; any thread but the display's. */
    void stop(long millis) {
        stopRequested = true;
        DisplayLoop running = loop;
        if (running != null) {
            // A modal dialog runs a loop of its own that would keep ours from seeing the stop:
            // close every other shell first.
            Ui.post(display, this::closeDialogs);
            running.stop();
        } else {
            Display d = display;
            if (d != null && !d.isDisposed()) {
                Ui.post(d, () -> { });
                d.wake();
            }
        }
        if (!started) {
            // The main thread never took the task (or is busy elsewhere): nothing to wait for; the task
            // returns at once if it ever runs.
            poller.stop(1000);
            return;
        }
        try {
            if (!ended.await(millis, TimeUnit.MILLISECONDS)) {
                LOG.warn("desktop: the window did not close within {} ms", millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeDialogs() {
        MainWindow w = window;
        Display d = display;
        if (d == null || d.isDisposed()) {
            return;
        }
        for (org.eclipse.swt.widgets.Shell shell : d.getShells()) {
            if (w == null || shell != w.shell()) {
                shell.dispose();
            }
        }
    }

    void settings(Settings changed) {
        Settings old = settings;
        settings = changed;
        if (old.refreshMillis() != changed.refreshMillis() && window != null) {
            poller.schedule(changed.refreshMillis());
        }
        if (old.speedGraphMinutes() != changed.speedGraphMinutes()) {
            poller.graphMinutes(changed.speedGraphMinutes());
        }
    }

    private void post(Snapshot snapshot) {
        if (pending.getAndSet(snapshot) != null) {
            return; // a task is queued already; it will take this newer one
        }
        Ui.post(display, () -> trace.section("snapshot", () -> {
            Snapshot latest = pending.getAndSet(null);
            MainWindow w = window;
            if (latest != null && w != null && !w.isDisposed()) {
                w.apply(latest);
            }
        }));
    }

    // WindowHost: called on the display thread.

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public void view(ViewState view) {
        poller.view(view);
    }

    @Override
    public void visible(boolean shown) {
        poller.visible(shown);
    }

    @Override
    public void select(int id) {
        poller.select(id);
    }

    @Override
    public void quit() {
        quit.run();
    }

    @Override
    public DispatchTrace trace() {
        return trace;
    }

    @Override
    public DisplayWork work() {
        return work;
    }

    // DesktopDriver: called from command threads.

    @Override
    public <T> T call(String what, Function<MainWindow, T> work) {
        Display d = display;
        if (d == null || d.isDisposed() || Display.getCurrent() == d) {
            throw new IllegalStateException(d == null || d.isDisposed() ? "no desktop window is open"
                    : "called on the display thread");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Ui.post(d, () -> trace.section(what, () -> {
            MainWindow w = window;
            if (w == null || w.isDisposed()) {
                result.completeExceptionally(new IllegalStateException("no desktop window is open"));
                return;
            }
            try {
                result.complete(work.apply(w));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }));
        try {
            return result.get(COMMAND_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the window did not answer within " + COMMAND_WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(String.valueOf(e.getCause()));
        }
    }

    @Override
    public void post(String what, Runnable task) {
        Display d = display;
        if (d == null || d.isDisposed()) {
            throw new IllegalStateException("no desktop window is open");
        }
        Ui.post(d, () -> trace.section(what, task));
    }

    /** Opens now when the window is up, else once it is (it is starting: the launch that started Shoal). */
    @Override
    public void open(String fileOrUrlOrMagnet) {
        opens.add(fileOrUrlOrMagnet);
    }

    /** On the display thread: the add flow for everything handed over so far, in order. */
    private void openWaiting() {
        MainWindow w = window;
        if (w == null || w.isDisposed()) {
            return;
        }
        for (String target : opens.takeAll()) {
            w.open(target);
        }
    }

    /**
     * What was handed over for a window that cannot come: added with the engine's defaults, so the
     * user's torrent is not lost with the window.
     */
    private void addWithoutWindow(List<String> targets) {
        for (String target : targets) {
            services.work().execute(() -> {
                try {
                    Engine engine = services.engine();
                    Optional<MagnetLink> magnet = TorrentSource.magnet(target);
                    if (magnet.isPresent()) {
                        engine.add(engine.defaults(magnet.get()));
                    } else {
                        engine.add(engine.defaults(new TorrentSource("Shoal").load(target,
                                Path.of("").toAbsolutePath())));
                    }
                    LOG.info("desktop: added {} without a window", target);
                } catch (TorrentSourceException | EngineException | RuntimeException e) {
                    LOG.error("desktop: not added without a window: {}: {}", target, e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** Brings the window up; while it is starting there is nothing to raise (it shows by itself). */
    @Override
    public void raise() {
        Display d = display;
        if (d == null || d.isDisposed() || window == null) {
            return;
        }
        post("raise", () -> {
            MainWindow w = window;
            if (w != null && !w.isDisposed()) {
                w.raise();
            }
        });
    }

    @Override
    public void changed() {
        poller.nudge();
    }

    @Override
    public void completed(String name) {
        if (!settings.notifyOnCompletion()) {
            return;
        }
        Ui.post(display, () -> trace.section("completed", () -> {
            MainWindow w = window;
            if (w != null && !w.isDisposed()) {
                w.notices().completed(name);
            }
        }));
    }

    @Override
    public void failed(String name, String why) {
        if (!settings.notifyOnCompletion()) {
            return;
        }
        Ui.post(display, () -> trace.section("failed", () -> {
            MainWindow w = window;
            if (w != null && !w.isDisposed()) {
                w.notices().failed(name, why);
            }
        }));
    }

    @Override
    public LatencyStats latency() {
        return latency;
    }

    @Override
    public void measure() {
        trace.on();
        latency.measure();
    }
}
