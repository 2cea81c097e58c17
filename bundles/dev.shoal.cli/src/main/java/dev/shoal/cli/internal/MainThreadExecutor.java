package dev.shoal.cli.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM's main thread, lent to bundles while a long-running command keeps Shoal going. SWT needs
 * one thread for its display, and on macOS it must be this one; the desktop bundle submits its event
 * loop here as one long task. A task must return when the thread is interrupted (a signal) or when
 * its own bundle asks it to.
 *
 * <p>The service is registered through the system bundle, so it outlives a stop or update of this
 * bundle: the main thread stays here whatever is swapped, and the desktop can come back.
 */
final class MainThreadExecutor implements Executor {

    /** The service property that tells this executor from any other. */
    static final String PROPERTY = "shoal.main.thread";

    private static final Logger LOG = LoggerFactory.getLogger(MainThreadExecutor.class);
    /**
     * How long the loop waits for a task before looking at the framework again. The framework's stop
     * wakes it at once (a listener hands it a wake-up); this is only a safety net, so an idle daemon
     * wakes the main thread once a minute rather than five times a second.
     */
    private static final long POLL_MILLIS = 60_000;
    /** Handed over when the framework stops: no work, just a look at its state. */
    private static final Runnable WAKE_UP = () -> { };

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private volatile boolean open = true;

    @Override
    public void execute(Runnable task) {
        if (!open) {
            throw new RejectedExecutionException("Shoal is stopping");
        }
        tasks.add(task);
    }

    /**
     * Runs the submitted tasks on the calling (main) thread until the framework stops or the thread
     * is interrupted.
     */
    void runUntilStopped(Bundle system) throws InterruptedException {
        BundleContext context = system.getBundleContext();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(PROPERTY, Boolean.TRUE);
        ServiceRegistration<Executor> registration = context.registerService(Executor.class, this, properties);
        SynchronousBundleListener stopping = event -> {
            if (event.getBundle().getBundleId() == 0 && event.getType() == BundleEvent.STOPPING) {
                tasks.add(WAKE_UP);
            }
        };
        context.addBundleListener(stopping);
        try {
            while (running(system)) {
                Runnable task = tasks.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (task != null) {
                    runOne(task);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            open = false;
            removeListener(context, stopping);
            unregister(registration);
        }
    }

    private static boolean running(Bundle system) {
        return (system.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0;
    }

    private static void runOne(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.error("a task on the main thread failed", e);
        }
    }

    private static void removeListener(BundleContext context, SynchronousBundleListener listener) {
        try {
            context.removeBundleListener(listener);
        } catch (IllegalStateException e) {
            // The context is gone with the stopped framework, and its listeners with it.
        }
    }

    private static void unregister(ServiceRegistration<Executor> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // Already gone with the stopping framework.
        }
    }
}
