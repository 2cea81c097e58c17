package dev.shoal.tracker.internal.session;

import java.time.Duration;
import java.time.Instant;

/**
 * Time and a single thread of execution for sessions. The component runs it on a
 * ScheduledExecutorService; tests on a manual clock. Every task of a session runs on it, one at a
 * time, so session state needs no locks.
 */
public interface Scheduler {

    Instant now();

    /** Runs {@code task} after {@code delay}; the handle cancels it if it has not run yet. */
    Cancellable schedule(Runnable task, Duration delay);

    default void execute(Runnable task) {
        schedule(task, Duration.ZERO);
    }

    /** A scheduled task that may still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
