package dev.shoal.storage.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One torrent's disk work on the shared {@link DiskPool}: run one at a time, in the order handed
 * over, each seeing everything the one before did (the lane's lock orders them), so what runs here
 * needs no locks of its own, as on a thread of its own. A turn runs a bounded batch, then yields the
 * pool thread so that one busy torrent never starves the others.
 */
final class SerialLane implements Executor {

    private static final int BATCH = 64;

    private final Executor pool;
    private final ArrayDeque<Runnable> work = new ArrayDeque<>();
    /** A turn is queued on the pool or running. */
    private boolean scheduled;
    private boolean shutdown;
    private Thread runner;

    SerialLane(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException("the lane is shut down");
            }
            work.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        schedule();
    }

    /** True on the thread running this lane's work now. */
    synchronized boolean inLane() {
        return runner == Thread.currentThread();
    }

    /** Drops what has not started and refuses more; the task running (interrupted) runs to its end. */
    void shutdownNow() {
        synchronized (this) {
            shutdown = true;
            work.clear();
            if (runner != null) {
                runner.interrupt();
            }
        }
    }

    /** After {@link #shutdownNow()}: waits for the task running to end. */
    synchronized boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (scheduled) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private void schedule() {
        try {
            pool.execute(this::turn);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                scheduled = false;
                work.clear();
                shutdown = true;
            }
            throw e;
        }
    }

    private void turn() {
        for (int done = 0; ; done++) {
            Runnable next;
            synchronized (this) {
                next = done < BATCH ? work.poll() : null;
                if (next == null) {
                    runner = null;
                    // Interrupts are for this lane's task only; a pool thread goes on clean.
                    Thread.interrupted();
                    if (work.isEmpty() || shutdown) {
                        scheduled = false;
                        notifyAll();
                        return;
                    }
                    break;
                }
                runner = Thread.currentThread();
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // As an executor's thread would: the task's own stage reports it; the lane goes on.
                Thread thread = Thread.currentThread();
                thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
            }
        }
        schedule();
    }
}
