package dev.shoal.engine.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread ("shoal-engine") on which every torrent's state changes. Storage, announcer and
 * swarm callbacks only hand work to it, so the torrents need no locks and those threads never wait.
 * Work that throws is logged; the thread goes on.
 */
final class EngineThread implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(EngineThread.class);

    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    EngineThread() {
        executor = new ScheduledThreadPoolExecutor(1, work -> {
            Thread created = new Thread(work, "shoal-engine");
            created.setDaemon(true);
            thread = created;
            return created;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    boolean onThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code work} on the engine thread later; dropped once the engine has stopped. */
    @Override
    public void execute(Runnable work) {
        if (!submit(work)) {
            LOG.debug("engine stopped, dropping {}", work);
        }
    }

    /** Runs {@code work} on the engine thread later; false when the engine has stopped. */
    boolean submit(Runnable work) {
        try {
            executor.execute(() -> run(work));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Runs {@code work} on the engine thread and returns what it returns: at once when already on it. */
    <T> T call(Callable<T> work) throws Exception {
        if (onThread()) {
            return work.call();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(work.call());
                } catch (Exception | LinkageError e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the engine has stopped", e);
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    ScheduledFuture<?> every(Duration period, Runnable work) {
        long nanos = period.toNanos();
        return executor.scheduleWithFixedDelay(() -> run(work), nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops taking work, lets what is queued finish (at most {@code wait}), then stops the thread. */
    void stop(Duration wait) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void run(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("engine work failed", e);
        }
    }
}
