package dev.shoal.rpc.internal;

import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private Set<Integer> seen = Set.of();

    RecentActivity(Clock clock) {
        this.clock = clock;
    }

    /** Notes which torrents are there now; returns the ids removed within the window, oldest removals included. */
    synchronized List<Integer> removedSince(List<Torrent> now) {
        Instant at = clock.instant();
        Set<Integer> ids = new HashSet<>();
        now.forEach(torrent -> ids.add(torrent.id()));
        for (int id : seen) {
            if (!ids.contains(id)) {
                removed.putIfAbsent(id, at);
            }
        }
        ids.forEach(removed::remove);
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
