package dev.shoal.rpc.internal;

import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Transmission's {@code ids: "recently-active"}: the torrents added, completed or moving payload in
 * the last minute, and the ids of those removed in it. Removals are seen by comparing the torrents of one
 * {@code torrent-get} with the last one's, so a removal by any means (shell, desktop, RPC) counts; what is
 * remembered is bounded by the torrents there were, and forgotten after the minute.
 */
final class RecentActivity {

    static final Duration WINDOW = Duration.ofSeconds(60);

    private final Clock clock;
    private final Map<Integer, Instant> removed = new HashMap<>();
    private BitSet seen = new BitSet();

    RecentActivity(Clock clock) {
        this.clock = clock;
    }

    /** Notes which torrents are there now; returns the ids removed within the window, oldest removals included. */
    synchronized List<Integer> removedSince(List<Torrent> now) {
        Instant at = clock.instant();
        // Ids are small numbers: a bit set notes 10,000 of them without boxing each (every torrent-get does this).
        BitSet ids = new BitSet();
        now.forEach(torrent -> ids.set(torrent.id()));
        BitSet gone = (BitSet) seen.clone();
        gone.andNot(ids);
        gone.stream().forEach(id -> removed.putIfAbsent(id, at));
        removed.keySet().removeIf(ids::get);
        removed.values().removeIf(when -> when.isBefore(at.minus(WINDOW)));
        seen = ids;
        return removed.keySet().stream().sorted().toList();
    }

    /** Whether the torrent moves payload now, or was added, completed or active within the window. */
    boolean recent(Torrent torrent) {
        TorrentStatus status = torrent.status();
        return status.downloadRate() > 0 || status.uploadRate() > 0
                || !torrent.dates().latest().isBefore(clock.instant().minus(WINDOW));
    }
}
