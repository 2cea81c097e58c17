package dev.shoal.engine.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /**
     * Runs {@code work} on the engine thread and returns what it returns: at once when already on it.
     * Throws {@link IllegalStateException} when the engine stops before the work ran.
     */
    <T> T call(Callable<T> work) throws Exception {
        return call(work, null);
    }

    /**
     * As {@link #call(Callable)}, waiting at most {@code limit}; then throws {@link TimeoutException}
     * and the work may still run later.
     */
    <T> T call(Callable<T> work, Duration limit) throws Exception {
        if (onThread()) {
            return work.call();
        }
        Future<T> result;
        try {
            // A future of the executor's own: a call dropped by stop() is cancelled, so no caller waits for good.
            result = executor.submit(work);
        } catch (RejectedExecutionException e) {
            throw stopped(e);
        }
        try {
            return limit == null ? result.get() : result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (CancellationException e) {
            throw stopped(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    private static IllegalStateException stopped(RuntimeException cause) {
        return new IllegalStateException("the engine has stopped", cause);
    }

    /** Work waiting for the thread (periodic work included). */
    int queued() {
        return executor.getQueue().size();
    }

    ScheduledFuture<?> every(Duration period, Runnable work) {
        long nanos = period.toNanos();
        return executor.scheduleWithFixedDelay(() -> run(work), nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Stops taking work, lets what is queued finish (at most {@code wait}), then stops the thread;
     * calls still queued then are cancelled, so their callers are told rather than left waiting.
     */
    void stop(Duration wait) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                dropQueued();
            }
        } catch (InterruptedException e) {
            dropQueued();
            Thread.currentThread().interrupt();
        }
    }

    private void dropQueued() {
        for (Runnable dropped : executor.shutdownNow()) {
            if (dropped instanceof Future<?> future) {
                future.cancel(false);
            }
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
