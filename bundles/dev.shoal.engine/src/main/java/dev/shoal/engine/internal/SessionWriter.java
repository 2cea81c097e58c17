package dev.shoal.engine.internal;

import dev.shoal.engine.internal.RecordCodec.Session;
import dev.shoal.metainfo.InfoHash;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the {@link SessionStore} on a thread of its own ("shoal-engine-store"), so the engine
 * thread never waits for the disk. Writes for one torrent are folded together: only the newest record
 * waiting is written, and a removal drops what waited; so the work waiting is bounded by the number of
 * torrents, however often they change. Writes happen in the order torrents first asked.
 */
final class SessionWriter {

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
    private final ExecutorService executor;
    private final Object lock = new Object();
    private final Map<InfoHash, Pending> pending = new LinkedHashMap<>();
    private Session session;
    private boolean scheduled;

    SessionWriter(SessionStore store) {
        this.store = store;
        this.executor = Executors.newSingleThreadExecutor(work -> {
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

    /** Waits until what was asked before is written; false when that took longer than {@code limit}. */
    boolean flush(Duration limit) {
        try {
            executor.submit(() -> { }).get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Writes what waits, then stops the thread. It waits as long as the writes go on: each torrent
     * added costs forced writes, and 10,000 just added take minutes on a slow disk, which a fixed
     * wait would cut short, losing torrents already acknowledged. Only a store that wrote nothing for
     * {@code limit} is given up on.
     */
    void close(Duration limit) {
        int waiting = waiting();
        while (!flush(limit)) {
            int now = waiting();
            if (now >= waiting || Thread.currentThread().isInterrupted()) {
                LOG.warn("the torrents' state was not all saved: {} torrents' writes made no progress in {}", now,
                        limit);
                break;
            }
            LOG.info("still saving the torrents' state: {} waiting", now);
            waiting = now;
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
            executor.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            InfoHash infoHash = null;
            Pending next = null;
            Session sessionNow;
            synchronized (lock) {
                Iterator<Map.Entry<InfoHash, Pending>> first = pending.entrySet().iterator();
                if (first.hasNext()) {
                    Map.Entry<InfoHash, Pending> entry = first.next();
                    first.remove();
                    infoHash = entry.getKey();
                    next = entry.getValue();
                }
                sessionNow = next == null ? session : null;
                if (next == null) {
                    session = null;
                    if (sessionNow == null) {
                        scheduled = false;
                        return;
                    }
                }
            }
            if (next != null) {
                write(infoHash, next);
            } else {
                writeSession(sessionNow);
            }
        }
    }

    private void write(InfoHash infoHash, Pending next) {
        try {
            if (next.delete()) {
                store.delete(infoHash);
                return;
            }
            if (next.torrent() != null) {
                store.writeTorrent(infoHash, next.torrent());
            }
            store.writeRecord(next.record());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot save the torrent {} in {}: {}", infoHash.hex(), store.directory(), e.getMessage());
        }
    }

    private void writeSession(Session value) {
        try {
            store.writeSession(value);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot save the session in {}: {}", store.directory(), e.getMessage());
        }
    }
}
