package dev.shoal.peer.internal.swarm;

import dev.shoal.metainfo.InfoHash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The {@link Handoff}s of finished metadata fetches, by info-hash, waiting for the torrent's swarm to
 * be joined. The engine joins once the torrent's storage is ready, usually within a second or two;
 * one that is queued behind other downloads may wait for long, and its peers should not be held
 * meanwhile: after {@link #HOLD_SECONDS} the connections close (the swarm dials its peers when it
 * comes). Thread-safe.
 */
final class ParkedConnections {

    static final long HOLD_SECONDS = 60;

    private final ScheduledExecutorService scheduler;
    private final Map<InfoHash, Handoff> parked = new HashMap<>();

    ParkedConnections(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Keeps {@code handoff} for the next swarm of its info-hash; one parked before for it closes. */
    void park(Handoff handoff) {
        Handoff before;
        synchronized (this) {
            before = parked.put(handoff.infoHash(), handoff);
        }
        if (before != null) {
            before.close();
        }
        try {
            scheduler.schedule(() -> expire(handoff), HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopping) {
            expire(handoff); // the peer wire is stopping
        }
    }

    private void expire(Handoff handoff) {
        boolean expired;
        synchronized (this) {
            expired = parked.remove(handoff.infoHash(), handoff);
        }
        if (expired) {
            handoff.close();
        }
    }

    /** The connections parked for {@code infoHash} (v2 truncated, as on the wire), or null. */
    synchronized Handoff take(InfoHash infoHash) {
        return parked.remove(infoHash.truncated());
    }

    /** The peer wire stops: every parked connection closes. */
    void close() {
        List<Handoff> all;
        synchronized (this) {
            all = new ArrayList<>(parked.values());
            parked.clear();
        }
        all.forEach(Handoff::close);
    }
}
