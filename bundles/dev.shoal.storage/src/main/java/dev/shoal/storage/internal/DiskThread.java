package dev.shoal.storage.internal;

import dev.shoal.storage.api.StorageException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A torrent's one disk thread and the byte-bounded {@link DiskQueue} in front of it. Work runs in
 * the order it was handed over, so what runs here needs no locks; a caller's stage completes with
 * the work's value or failure, or with {@code closed} once the thread is gone.
 */
final class DiskThread {

    /** Work for the disk thread that gives a value or fails with a StorageException. */
    @FunctionalInterface
    interface DiskCall<T> {
        T call() throws StorageException;
    }

    private final ScheduledThreadPoolExecutor executor;
    private final DiskQueue queue;
    private final Supplier<StorageException> closed;

    DiskThread(String name, long queueBytes, Supplier<StorageException> closed) {
        this.executor = new ScheduledThreadPoolExecutor(1, work -> {
            Thread thread = new Thread(work, name);
            // Daemon: an abandoned storage must not keep the JVM alive; close() is what saves state.
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.queue = new DiskQueue(queueBytes, executor);
        this.closed = closed;
    }

    /** Runs {@code work} on the disk thread without waiting for room in the queue. */
    void execute(Runnable work) {
        executor.execute(work);
    }

    /** Runs {@code work} on the disk thread every {@code nanos}, the first time after one period. */
    void every(long nanos, Runnable work) {
        executor.scheduleWithFixedDelay(work, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Runs {@code call} on the disk thread once its {@code bytes} fit; its value or its failure
     * completes the stage.
     */
    <T> CompletableFuture<T> call(int bytes, DiskCall<T> call) {
        CompletableFuture<T> done = new CompletableFuture<>();
        submit(bytes, done, () -> {
            try {
                done.complete(call.call());
            } catch (StorageException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Runs {@code work}, which completes {@code done}, on the disk thread once its {@code bytes} fit. */
    void submit(int bytes, CompletableFuture<?> done, Runnable work) {
        try {
            queue.submit(bytes, () -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(closed.get());
        }
    }

    /** Blocks until nothing is queued or waiting. Never call it on the disk thread. */
    void awaitIdle() throws InterruptedException {
        queue.awaitIdle();
    }

    /** Stops the thread where it is; work not started is dropped. */
    void shutdownNow() {
        executor.shutdownNow();
    }

    void awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        executor.awaitTermination(timeout, unit);
    }

    DiskQueue queue() {
        return queue;
    }
}
