package dev.shoal.ui.swt.internal.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Zeroes rates the engine still reports after the bytes stopped. The engine's rates are moving
 * averages updated by a tick of the torrent's swarm, so when the peers leave (or the tick stops with
 * them) the last rate stays, and a seed with no peer read "Down 4.2 MiB/s" for a minute. A rate is
 * shown as 0 when the torrent has no peer, or when its byte counter has not moved for
 * {@value #STALE_MILLIS} ms. Fed by the poller's thread only; it forgets torrents that are gone.
 */
public final class RateDecay {

    /** How long a counter may stand still before its rate counts as stale: a few refreshes. */
    public static final long STALE_MILLIS = 3_000;

    private record Seen(long downloaded, long uploaded, long downMovedAt, long upMovedAt) {
    }

    private Map<Integer, Seen> seen = new HashMap<>();
    private Map<Integer, Seen> next = new HashMap<>();

    /**
     * {@code row} with its rates as they should show at {@code nowMillis}, given the torrent's byte
     * counters then ({@code downloaded}, {@code uploaded}: payload since added).
     */
    public TorrentRow apply(TorrentRow row, long downloaded, long uploaded, long nowMillis) {
        Seen was = seen.get(row.id());
        Seen now = was == null ? new Seen(downloaded, uploaded, nowMillis, nowMillis)
                : new Seen(downloaded, uploaded, downloaded != was.downloaded() ? nowMillis : was.downMovedAt(),
                        uploaded != was.uploaded() ? nowMillis : was.upMovedAt());
        next.put(row.id(), now);
        boolean nobody = row.peers() == 0;
        long down = nobody || nowMillis - now.downMovedAt() >= STALE_MILLIS ? 0 : row.downRate();
        long up = nobody || nowMillis - now.upMovedAt() >= STALE_MILLIS ? 0 : row.upRate();
        if (down == row.downRate() && up == row.upRate()) {
            return row;
        }
        return row.withRates(down, up, down == 0 && row.downRate() > 0 ? -1 : row.etaSeconds());
    }

    /** Ends a poll: torrents not seen in it are forgotten. */
    public void endPoll() {
        Map<Integer, Seen> done = seen;
        seen = next;
        done.clear();
        next = done;
    }
}
