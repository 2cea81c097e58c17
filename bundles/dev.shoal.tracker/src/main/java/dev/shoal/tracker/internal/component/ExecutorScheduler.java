package dev.shoal.tracker.internal.component;

import dev.shoal.tracker.internal.session.Scheduler;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link Scheduler} on the component's single scheduling thread and the system clock. */
final class ExecutorScheduler implements Scheduler {

    private static final System.Logger LOG = System.getLogger(ExecutorScheduler.class.getName());

    private final ScheduledExecutorService executor;
    private final Clock clock;

    ExecutorScheduler(ScheduledExecutorService executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        try {
            ScheduledFuture<?> future = executor.schedule(() -> runSafely(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { }; // shutting down: nothing more will run
        }
    }

    /** One failing task must not kill the thread every session shares. */
    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "announce task failed", e);
        }
    }
}
