package dev.shoal.storage.internal;

import dev.shoal.storage.api.StorageException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A torrent's serial lane on the shared {@link DiskPool} and the byte-bounded {@link DiskQueue} in
 * front of it. Work runs in the order it was handed over, one at a time, so what runs here needs no
 * locks; a caller's stage completes with the work's value or failure, or with {@code closed} once
 * the lane is shut down. Its one timer, the next resume save, is armed only while something waits to
 * be saved: a torrent with nothing to do costs no wake-up.
 */
final class TorrentDisk {

    /** Work for the lane that gives a value or fails with a StorageException. */
    @FunctionalInterface
    interface DiskCall<T> {
        T call() throws StorageException;
    }

    private final DiskPool pool;
    private final SerialLane lane;
    private final DiskQueue queue;
    private final Supplier<StorageException> closed;
    /** The armed save; guarded by this. */
    private ScheduledFuture<?> pendingSave;

    TorrentDisk(DiskPool pool, long queueBytes, Supplier<StorageException> closed) {
        this.pool = pool;
        this.lane = pool.lane();
        this.queue = new DiskQueue(queueBytes, lane);
        this.closed = closed;
    }

    /** Runs {@code work} in the lane without waiting for room in the queue. */
    void execute(Runnable work) {
        lane.execute(work);
    }

    /**
     * Runs {@code save} in the lane {@code nanos} from now, unless a save is armed already: changes
     * made meanwhile are saved together by it.
     */
    synchronized void saveAfter(long nanos, Runnable save) {
        if (pendingSave != null) {
            return;
        }
        pendingSave = pool.after(nanos, () -> {
            synchronized (this) {
                pendingSave = null;
            }
            try {
                lane.execute(save);
            } catch (RejectedExecutionException e) {
                // Closed meanwhile: close() saved what there was.
            }
        });
    }

    /**
     * Runs {@code call} in the lane once its {@code bytes} fit; its value or its failure
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

    /** Runs {@code work}, which completes {@code done}, in the lane once its {@code bytes} fit. */
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

    /** Blocks until nothing is queued or waiting. Never call it from the lane. */
    void awaitIdle() throws InterruptedException {
        queue.awaitIdle();
    }

    /** Stops the lane where it is; work not started is dropped, the armed save too. */
    void shutdownNow() {
        synchronized (this) {
            if (pendingSave != null) {
                pendingSave.cancel(false);
                pendingSave = null;
            }
        }
        lane.shutdownNow();
    }

    void awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        lane.awaitTermination(timeout, unit);
    }

    DiskQueue queue() {
        return queue;
    }
}
