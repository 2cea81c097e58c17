package dev.shoal.storage.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Admits work to the disk thread by bytes: at most {@code bound} bytes of blocks are handed over at a
 * time; the rest wait here, in order, as references to their callers' buffers, nothing copied. A
 * caller whose stage has not completed yet is being told to back off. One block larger than the
 * bound may pass alone, so a tiny bound slows things down but never deadlocks.
 */
final class DiskQueue {

    private record Job(int bytes, Runnable work) {
    }

    private final long bound;
    private final Executor disk;
    private final ArrayDeque<Job> waiting = new ArrayDeque<>();
    private long queued;
    private long maxQueued;

    DiskQueue(long bound, Executor disk) {
        this.bound = bound;
        this.disk = disk;
    }

    /** Runs {@code work} on the disk thread once its {@code bytes} fit. */
    synchronized void submit(int bytes, Runnable work) {
        Job job = new Job(bytes, work);
        if (waiting.isEmpty() && fits(bytes)) {
            start(job);
        } else {
            waiting.add(job);
        }
    }

    /** Blocks until nothing is queued or waiting. Never call it on the disk thread. */
    synchronized void awaitIdle() throws InterruptedException {
        while (queued > 0 || !waiting.isEmpty()) {
            wait();
        }
    }

    synchronized long queued() {
        return queued;
    }

    synchronized long maxQueued() {
        return maxQueued;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    private boolean fits(int bytes) {
        return queued == 0 || queued + bytes <= bound;
    }

    private void start(Job job) {
        queued += job.bytes;
        maxQueued = Math.max(maxQueued, queued);
        disk.execute(() -> {
            try {
                job.work.run();
            } finally {
                done(job.bytes);
            }
        });
    }

    private synchronized void done(int bytes) {
        queued -= bytes;
        while (!waiting.isEmpty() && fits(waiting.peek().bytes)) {
            start(waiting.poll());
        }
        notifyAll();
    }
}
