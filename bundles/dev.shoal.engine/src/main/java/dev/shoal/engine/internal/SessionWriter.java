package dev.shoal.engine.internal;

import dev.shoal.engine.internal.RecordCodec.Session;
import dev.shoal.metainfo.InfoHash;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the {@link SessionStore} on a thread of its own ("shoal-engine-store"), so the engine
 * thread never waits for the disk. A group commit: whatever waits when the thread comes to it is one
 * batch, written with one forced write, while the next batch gathers. Writes for one torrent are
 * folded together: only the newest record waiting is written, and a removal drops what waited; so
 * the work waiting is bounded by the number of torrents, however often they change. The session
 * (ids, queue order, whose size grows with the torrents) is written at most every
 * {@link #SESSION_SPACING}: a kill within it loses at most a queue move, as a start rebuilds the rest
 * from the records.
 */
final class SessionWriter {

    /** How often the session is written at most while it keeps changing (10,000 adds in one script). */
    static final Duration SESSION_SPACING = Duration.ofSeconds(1);
    /**
     * How long a journal segment's files rest before it is retired, and how often the retirement
     * looks: by then the system has written them back (Linux: dirty pages older than 30 s, every
     * 5 s), so forcing them costs little.
     */
    static final Duration RETIRE_DELAY = Duration.ofSeconds(45);
    /** Files forced per step of a retirement, so that batches waiting (and a close) go between. */
    private static final int RETIRE_STEP = 8;
    /** How long the close retires the journal at most; the rest is replayed at the next start. */
    private static final Duration CLOSE_RETIRE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(SessionWriter.class);

    /** What waits for one torrent: its torrent file (only when just added), its newest record, or removal. */
    private record Pending(byte[] torrent, TorrentRecord record, boolean delete) {

        Pending after(Pending earlier) {
            if (delete || earlier == null || earlier.delete || torrent != null) {
                return this;
            }
            return new Pending(earlier.torrent, record, false);
        }
    }

    private final SessionStore store;
    private final ScheduledExecutorService executor;
    private final Object lock = new Object();
    private final Map<InfoHash, Pending> pending = new LinkedHashMap<>();
    /** Batches written, for the close to tell a slow store from a stuck one. */
    private final AtomicLong batches = new AtomicLong();
    private Session session;
    private boolean scheduled;
    /** Store thread only. */
    private long sessionWritten = System.nanoTime() - SESSION_SPACING.toNanos();
    private boolean sessionTimer;
    private boolean retireTimer;
    /** Set by the close: the retirement it does itself replaces the steps still queued. */
    private volatile boolean closing;

    SessionWriter(SessionStore store) {
        this.store = store;
        this.executor = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "shoal-engine-store");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A torrent just added: its torrent file, then its record. */
    void add(TorrentRecord record, byte[] torrent) {
        put(record.infoHash(), new Pending(torrent, record, false));
    }

    void save(TorrentRecord record) {
        put(record.infoHash(), new Pending(null, record, false));
    }

    void delete(InfoHash infoHash) {
        put(infoHash, new Pending(null, null, true));
    }

    void saveSession(Session value) {
        synchronized (lock) {
            session = value;
            schedule();
        }
    }

    /** Waits until what was asked before is written, the session too; false when that took longer than {@code limit}. */
    boolean flush(Duration limit) {
        try {
            executor.submit(() -> drain(true)).get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Writes what waits, retires the journal for up to {@link #CLOSE_RETIRE}, then stops the thread.
     * It waits as long as batches go on being written; only a store that wrote nothing for
     * {@code limit} is given up on.
     */
    void close(Duration limit) {
        closing = true;
        long written = batches.get();
        while (!flush(limit)) {
            long now = batches.get();
            if (now == written || Thread.currentThread().isInterrupted()) {
                LOG.warn("the torrents' state was not all saved: {} torrents' writes made no progress in {}",
                        waiting(), limit);
                break;
            }
            LOG.info("still saving the torrents' state: {} waiting", waiting());
            written = now;
        }
        try {
            executor.submit(() -> retireFor(CLOSE_RETIRE)).get(CLOSE_RETIRE.multipliedBy(2).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.debug("the journal is replayed at the next start: {}", e.toString());
        }
        executor.shutdownNow();
    }

    private int waiting() {
        synchronized (lock) {
            return pending.size() + (session == null ? 0 : 1);
        }
    }

    private void put(InfoHash infoHash, Pending next) {
        synchronized (lock) {
            pending.put(infoHash, next.after(pending.remove(infoHash)));
            schedule();
        }
    }

    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            executor.execute(() -> drain(false));
        }
    }

    /** Writes batches until nothing waits; the session only when due, unless {@code now}. */
    private void drain(boolean now) {
        while (true) {
            Map<InfoHash, Pending> taken;
            Session sessionTaken = null;
            boolean sessionDue = now || System.nanoTime() - sessionWritten >= SESSION_SPACING.toNanos();
            synchronized (lock) {
                taken = new LinkedHashMap<>(pending);
                pending.clear();
                if (sessionDue && session != null) {
                    sessionTaken = session;
                    session = null;
                    sessionWritten = System.nanoTime();
                }
                if (taken.isEmpty() && sessionTaken == null) {
                    scheduled = false;
                    if (session != null) {
                        sessionLater();
                    }
                    break;
                }
            }
            // Encoded outside the lock: the engine thread queues more meanwhile.
            List<StoreJournal.Change> batch = new ArrayList<>();
            taken.forEach((infoHash, next) -> changes(infoHash, next, batch));
            if (sessionTaken != null) {
                try {
                    batch.add(SessionStore.session(sessionTaken));
                } catch (RuntimeException e) {
                    LOG.warn("cannot save the session in {}: {}", store.directory(), e.getMessage());
                }
            }
            write(batch, taken.size());
        }
        retireLater();
    }

    private void sessionLater() {
        if (!sessionTimer) {
            sessionTimer = true;
            long wait = SESSION_SPACING.toNanos() - (System.nanoTime() - sessionWritten);
            executor.schedule(() -> {
                sessionTimer = false;
                drain(false);
            }, Math.max(0, wait), TimeUnit.NANOSECONDS);
        }
    }

    /** A step of the retirement; the next goes after the batches that came meanwhile. */
    private void retireStep() {
        drain(false);
        if (closing) {
            return;
        }
        try {
            store.closeSegmentIfSettled(RETIRE_DELAY);
            if (!store.retire(RETIRE_STEP, RETIRE_DELAY)) {
                executor.execute(this::retireStep);
                return;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot retire the journal of {}: {}; it is replayed at the next start", store.directory(),
                    e.toString());
        }
        retireTimer = false;
        retireLater();
    }

    private void retireLater() {
        if (store.unretired() && !retireTimer) {
            retireTimer = true;
            executor.schedule(this::retireStep, RETIRE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** At close: as much of the retirement as fits in {@code limit}, a file at a time; the rest waits for the next start. */
    private void retireFor(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        store.closeSegment();
        try {
            while (!store.retire(1, Duration.ZERO)) {
                if (System.nanoTime() > deadline) {
                    LOG.info("the journal of {} is replayed at the next start", store.directory());
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot retire the journal of {}: {}; it is replayed at the next start", store.directory(),
                    e.toString());
        }
    }

    private static void changes(InfoHash infoHash, Pending next, List<StoreJournal.Change> batch) {
        try {
            if (next.delete()) {
                batch.addAll(SessionStore.delete(infoHash));
                return;
            }
            if (next.torrent() != null) {
                batch.add(SessionStore.torrent(infoHash, next.torrent()));
            }
            batch.add(SessionStore.record(next.record()));
        } catch (RuntimeException e) {
            LOG.warn("cannot save the torrent {}: {}", infoHash.hex(), e.getMessage());
        }
    }

    private void write(List<StoreJournal.Change> batch, int torrents) {
        try {
            store.write(batch);
            batches.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot save {} torrents' changes in {}: {}", torrents, store.directory(), e.getMessage());
        }
    }
}
