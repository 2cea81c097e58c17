package dev.shoal.cli.internal;

import java.util.Map;
import java.util.concurrent.Callable;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import dev.shoal.engine.api.Engine;

/**
 * Runs the command the user typed on the JVM's main thread. bnd's launcher calls the
 * {@code main.thread} service once the framework is up, exits with the Integer it returns, and
 * hands us the program arguments as the {@code launcher.arguments} property of its own service.
 *
 * <p>The engine comes as {@link ComponentServiceObjects}: DS binds it without getting the service,
 * so the (delayed) engine component is only activated, and binds its port, when a command calls
 * {@code getService()}, which only {@code get} does. {@code info}, {@code create} and
 * {@code --version} never start it.
 *
 * <p>{@code create} hashes with the creation code embedded in this bundle, on every core, rather than
 * with dev.shoal.create's service: a reference to it would tie the command line (in a daemon, the
 * main thread's component) to a bundle that may be stopped or updated at any time.
 */
@Component(service = Callable.class, property = "main.thread=true")
public final class ShoalMain implements Callable<Integer> {

    private final String[] arguments;
    private final String version;
    private final ComponentServiceObjects<Engine> engines;
    private final SystemBundle framework;

    @Activate
    public ShoalMain(
            @Reference(service = Object.class, target = "(launcher.arguments=*)") Map<String, Object> launcher,
            @Reference(service = Engine.class) ComponentServiceObjects<Engine> engines,
            BundleContext context) {
        this.arguments = (String[]) launcher.get("launcher.arguments");
        this.version = context.getBundle().getHeaders().get("Shoal-Version");
        this.engines = engines;
        this.framework = new SystemBundle(context.getBundle(Constants.SYSTEM_BUNDLE_ID));
    }

    @Override
    public Integer call() {
        int code = new ShoalCommandLine(version,
                new StandaloneTorrentCreator(Runtime.getRuntime().availableProcessors()), engines::getService, framework)
                .run(arguments, System.out, System.err);
        if (framework.keepRunning) {
            try {
                framework.awaitStop();
            } catch (InterruptedException e) {
                // A signal: the boot code's shutdown hook interrupts the main thread (ending a task
                // running on it, such as the desktop's event loop) so that the launcher stops the
                // framework, and with it the engine, which saves its state.
            }
        }
        // Nothing from a bundle past this point: once the framework has stopped, no class loads.
        return code;
    }

    /**
     * The framework through its system bundle, which stays valid when this bundle is stopped or
     * updated under a running daemon.
     */
    private static final class SystemBundle implements FrameworkControl {

        private final Bundle system;
        private volatile boolean keepRunning;

        SystemBundle(Bundle system) {
            this.system = system;
        }

        @Override
        public void keepRunning() {
            keepRunning = true;
        }

        @Override
        public void raiseStartLevel(int level) {
            FrameworkStartLevel startLevel = system.adapt(FrameworkStartLevel.class);
            if (startLevel.getStartLevel() < level) {
                startLevel.setStartLevel(level);
            }
        }

        /** Lends the main thread to bundles (the desktop's display) until the framework stops. */
        void awaitStop() throws InterruptedException {
            new MainThreadExecutor().runUntilStopped(system);
            ((Framework) system).waitForStop(0);
        }
    }
}
