package dev.shoal.storage.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The disk threads every open torrent shares, and the one timer their resume saves wait on. Each
 * torrent reaches them through a {@link SerialLane} of its own, so its work keeps its order while
 * torrents run side by side; the number of threads is bounded whatever the number of torrents, and
 * an idle thread ends after a while, so 10,000 open torrents with nothing to do cost no thread and no
 * wake-up at all.
 */
public final class DiskPool implements AutoCloseable {

    private static final long IDLE_SECONDS = 30;

    private final ThreadPoolExecutor threads;
    private final ScheduledThreadPoolExecutor timer;

    /** At most {@code size} threads do disk work at once. */
    public DiskPool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a disk pool needs at least one thread, not " + size);
        }
        AtomicInteger made = new AtomicInteger();
        // Daemon threads: an abandoned storage must not keep the JVM alive; close() is what saves state.
        this.threads = new ThreadPoolExecutor(size, size, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                work -> daemon(work, "shoal-disk-" + made.incrementAndGet()));
        threads.allowCoreThreadTimeOut(true);
        this.timer = new ScheduledThreadPoolExecutor(1, work -> daemon(work, "shoal-disk-timer"));
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
    }

    /** The default size: one thread per core, at least two, so one long check never stalls every torrent. */
    public static int defaultSize() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /** Changes the bound; threads beyond it end once their work is done. */
    void resize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a disk pool needs at least one thread, not " + size);
        }
        if (size > threads.getMaximumPoolSize()) {
            threads.setMaximumPoolSize(size);
            threads.setCorePoolSize(size);
        } else {
            threads.setCorePoolSize(size);
            threads.setMaximumPoolSize(size);
        }
    }

    /** A new torrent's queue onto these threads. */
    SerialLane lane() {
        return new SerialLane(threads);
    }

    /** Runs {@code work} once after {@code nanos}; it should hand the real work to a lane. */
    ScheduledFuture<?> after(long nanos, Runnable work) {
        return timer.schedule(work, nanos, TimeUnit.NANOSECONDS);
    }

    /** Threads alive now (for tests: bounded whatever the number of torrents). */
    int threadCount() {
        return threads.getPoolSize() + timer.getPoolSize();
    }

    /** Resume saves armed now (for tests: one per torrent with unsaved changes, none at rest). */
    int armed() {
        return timer.getQueue().size();
    }

    /**
     * No more torrents come: the threads end a second after their last work, which still runs (a
     * torrent closed late still saves through its lane).
     */
    void closeWhenIdle() {
        threads.setKeepAliveTime(1, TimeUnit.SECONDS);
    }

    /**
     * Stops taking work: what is queued still runs (a torrent closing late still saves), then the
     * threads end; armed resume saves are dropped (closing a torrent saves it).
     */
    @Override
    public void close() {
        threads.shutdown();
        timer.shutdownNow();
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
