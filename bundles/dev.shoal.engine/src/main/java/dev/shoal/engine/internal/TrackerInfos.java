package dev.shoal.engine.internal;

import dev.shoal.engine.api.TrackerInfo;
import dev.shoal.tracker.api.AnnounceSession;
import dev.shoal.tracker.api.TrackerState;
import dev.shoal.tracker.api.TrackerStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A torrent's trackers for display: the announce session's statuses while it runs, the torrent's
 * tiers while stopped, with the peer count each tracker gave last. Safe from any thread.
 */
final class TrackerInfos {

    private final Supplier<List<List<String>>> tiers;
    private final Map<String, Integer> peersGiven = new ConcurrentHashMap<>();

    /** @param tiers the torrent's trackers now (they may be edited) */
    TrackerInfos(Supplier<List<List<String>>> tiers) {
        this.tiers = tiers;
    }

    void peersReceived(String url, int count) {
        peersGiven.put(url, count);
    }

    /** @param session the open announce session, or null while stopped */
    List<TrackerInfo> now(AnnounceSession session) {
        if (session == null) {
            List<TrackerInfo> stopped = new ArrayList<>();
            List<List<String>> now = tiers.get();
            for (int tier = 0; tier < now.size(); tier++) {
                for (String url : now.get(tier)) {
                    stopped.add(new TrackerInfo(url, false, Optional.empty(), peers(url), tier, Optional.empty(),
                            OptionalInt.empty(), OptionalInt.empty()));
                }
            }
            return List.copyOf(stopped);
        }
        return session.status().stream().map(this::info).toList();
    }

    TrackerInfo info(TrackerStatus status) {
        return new TrackerInfo(status.url(), working(status), status.lastError().or(status::warning),
                peers(status.url()), status.tier(), status.nextAnnounce(), status.seeders(), status.leechers(),
                status.lastAnnounce());
    }

    /** Its last announce was answered: working, or announcing again after a success. */
    static boolean working(TrackerStatus status) {
        return status.state() == TrackerState.WORKING || status.state() == TrackerState.ANNOUNCING
                && status.lastAnnounce().isPresent() && status.failures() == 0;
    }

    private int peers(String url) {
        return peersGiven.getOrDefault(url, 0);
    }
}
