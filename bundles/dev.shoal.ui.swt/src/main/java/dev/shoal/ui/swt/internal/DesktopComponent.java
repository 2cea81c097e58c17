package dev.shoal.ui.swt.internal;

import dev.shoal.dht.api.Dht;
import dev.shoal.portmap.api.PortMapper;
import dev.shoal.engine.api.Engine;
import dev.shoal.metainfo.TorrentCreator;
import dev.shoal.search.api.SearchService;
import dev.shoal.ui.swt.internal.window.Services;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import dev.shoal.ui.swt.internal.window.MainWindow;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app: a window over the engine while this bundle is active. Its event loop runs as one
 * task on the JVM's main thread (the executor the boot registers with {@code shoal.main.thread=true};
 * macOS allows a window nowhere else), engine work on the bundle's "shoal-ui-work" threads. Stopping
 * the bundle closes the window and nothing else: downloads go on.
 */
@Component(service = DesktopDriver.class, immediate = true, configurationPid = DesktopComponent.PID)
@Designate(ocd = DesktopComponent.Config.class)
public final class DesktopComponent implements DesktopDriver {

    public static final String PID = "dev.shoal.ui.swt";

    private static final Logger LOG = LoggerFactory.getLogger(DesktopComponent.class);
    /** How long deactivation waits for the window to close (the contract's bound). */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    @ObjectClassDefinition(name = "Shoal desktop", description = "The desktop window, its tray icon and notifications.")
    public @interface Config {

        @AttributeDefinition(name = "Close to tray",
                description = "Closing the window hides it to the tray icon (when the desktop has a tray);"
                        + " otherwise closing quits Shoal.")
        boolean closeToTray() default true;

        @AttributeDefinition(name = "Notify on completion",
                description = "Show a notification when a download completes or a torrent fails.")
        boolean notifyOnCompletion() default true;

        @AttributeDefinition(name = "Refresh (ms)", description = "How often the window reads the engine.",
                min = "250", max = "10000")
        int refreshMillis() default 1000;

        @AttributeDefinition(name = "Speed graph (minutes)", description = "How far back the speed graph goes.",
                min = "1", max = "1440")
        int speedGraphMinutes() default 10;

        @AttributeDefinition(name = "Toolbar text",
                description = "Show each toolbar button's label beside its icon;"
                        + " View > Toolbar text switches it until Shoal stops.")
        boolean toolbarText() default false;
    }

    private final ExecutorService work;
    private final DisplayWork displayWork;
    private final Desktop desktop;
    /** The search bundle may be stopped, updated and started while the window stays. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SearchService search;
    /** So may dev.shoal.create: the Create action says so while it is away. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TorrentCreator creator;
    /** And dev.shoal.dht: the status bar says "DHT: off" while it is away. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Dht dht;
    /** And dev.shoal.portmap: the status bar says "Port mapping: not running" while it is away. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PortMapper portmap;

    @Activate
    public DesktopComponent(Config config, @Reference Engine engine,
            @Reference(target = "(shoal.main.thread=true)") Executor mainThread, @Reference ConfigurationAdmin admin,
            @Reference MetaTypeService metatype, BundleContext context) {
        AtomicInteger count = new AtomicInteger();
        work = Executors.newFixedThreadPool(3, task -> {
            Thread thread = new Thread(task, "shoal-ui-work-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // The window gets the engine through a guard that counts any call made on the display thread,
        // for ui:work: the rule that the display thread never waits on the engine is checked, not hoped.
        EngineGuard engineGuard = new EngineGuard();
        displayWork = new DisplayWork(engineGuard);
        Services services = new Services(engineGuard.guard(engine), work, admin, metatype,
                () -> Optional.ofNullable(creator), context, () -> Optional.ofNullable(search),
                () -> Optional.ofNullable(dht), () -> Optional.ofNullable(portmap));
        desktop = new Desktop(services, displayWork, settingsOf(config), () -> quit(context));
        if (Boolean.parseBoolean(context.getProperty(LatencyStats.PROPERTY))) {
            desktop.measure();
        }
        mainThread.execute(() -> engineGuard.runAsDisplayThread(desktop::run));
    }

    @Modified
    void modified(Config config) {
        desktop.settings(settingsOf(config));
    }

    /** The configured values, clamped: a bad value in a hand-edited config must not cost the window. */
    static Settings settingsOf(Config config) {
        int refresh = Math.max(250, Math.min(10_000, config.refreshMillis()));
        int minutes = Math.max(1, Math.min(1440, config.speedGraphMinutes()));
        if (refresh != config.refreshMillis() || minutes != config.speedGraphMinutes()) {
            LOG.warn("desktop: refreshMillis must be 250..10000 and speedGraphMinutes 1..1440; using {} and {}",
                    refresh, minutes);
        }
        return new Settings(config.closeToTray(), config.notifyOnCompletion(), refresh, minutes, config.toolbarText());
    }

    @Deactivate
    void deactivate() {
        desktop.stop(CLOSE_WAIT.toMillis());
        work.shutdownNow();
        try {
            if (!work.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("desktop: work still runs after 2 s; leaving it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Quits Shoal: stops the framework on a thread of its own. Never on the display thread: stopping
     * deactivates this component, which waits for the display thread to end its loop.
     */
    private static void quit(BundleContext context) {
        Thread quitter = new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.error("desktop: quitting failed: {}", e.getMessage());
            }
        }, "shoal-quit");
        quitter.start();
    }

    @Override
    public <T> T call(String what, Function<MainWindow, T> task) {
        return desktop.call(what, task);
    }

    @Override
    public void post(String what, Runnable task) {
        desktop.post(what, task);
    }

    @Override
    public void open(String fileOrUrlOrMagnet) {
        desktop.open(fileOrUrlOrMagnet);
    }

    @Override
    public void raise() {
        desktop.raise();
    }

    @Override
    public void changed() {
        desktop.changed();
    }

    @Override
    public void completed(String name) {
        desktop.completed(name);
    }

    @Override
    public void failed(String name, String why) {
        desktop.failed(name, why);
    }

    @Override
    public LatencyStats latency() {
        return desktop.latency();
    }

    @Override
    public void measure() {
        desktop.measure();
    }

    @Override
    public DisplayWork work() {
        return displayWork;
    }
}
