package dev.shoal.cli.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.engine.api.TrackerInfo;
import dev.shoal.support.text.Spans;

/**
 * When {@code shoal get} stops waiting for a swarm it cannot reach. The clock starts at the first
 * snapshot fetching a magnet link's metadata or past checking (hashing a large file may take minutes and needs no network). The
 * command gives up when {@code limit} has passed since then and, in every snapshot so far, no
 * tracker had answered, no peer was connected and nothing was downloaded. The first sign of life
 * disarms the rule for good: a tracker that was down at the start but answers within the limit
 * never causes a failure, and a swarm that was reached once is waited for however quiet it gets.
 */
final class GiveUpRule {

    private static final int TRACKERS_NAMED = 3;

    private final Duration limit;
    private boolean reached;
    private long clockStart;
    private boolean clockStarted;

    /** {@code limit} zero: never give up. */
    GiveUpRule(Duration limit) {
        this.limit = limit;
    }

    /** Empty while there is hope; else the one line saying why the command gives up. */
    Optional<String> check(TorrentStatus status, long nowNanos) {
        if (reached || signOfLife(status)) {
            reached = true;
            return Optional.empty();
        }
        if (status.state() != TorrentState.DOWNLOADING && status.state() != TorrentState.SEEDING
                && status.state() != TorrentState.METADATA) {
            return Optional.empty();
        }
        if (!clockStarted) {
            clockStarted = true;
            clockStart = nowNanos;
        }
        if (limit.isZero() || nowNanos - clockStart < limit.toNanos()) {
            return Optional.empty();
        }
        return Optional.of("no tracker or peer reachable within " + Spans.of(limit) + " ("
                + trackers(status.trackers()) + ")");
    }

    private static boolean signOfLife(TorrentStatus status) {
        return status.peers() > 0 || status.downloaded() > 0 || status.uploaded() > 0
                || status.metadata().filter(m -> m.bytesReceived() > 0).isPresent()
                || status.trackers().stream().anyMatch(TrackerInfo::working);
    }

    private static String trackers(List<TrackerInfo> trackers) {
        if (trackers.isEmpty()) {
            return "the torrent lists no trackers";
        }
        String named = trackers.stream().limit(TRACKERS_NAMED)
                .map(t -> t.url() + ": " + t.message().filter(m -> !m.isBlank()).orElse("no answer"))
                .collect(Collectors.joining("; "));
        int more = trackers.size() - TRACKERS_NAMED;
        return more > 0 ? named + "; and " + more + " more" : named;
    }
}
