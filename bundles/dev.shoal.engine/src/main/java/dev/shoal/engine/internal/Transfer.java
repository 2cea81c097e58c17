package dev.shoal.engine.internal;

import dev.shoal.peer.api.Swarm;
import dev.shoal.peer.api.SwarmStats;

/**
 * A torrent's bytes moved since it was added: what its closed swarms moved, plus the open one's
 * counters, so pausing and resuming loses nothing. Changed on the engine thread, read from any: the
 * two parts are published together, so a reader never counts a swarm twice or not at all.
 */
final class Transfer {

    /** Payload bytes. */
    record Counts(long downloaded, long uploaded, long wasted) {

        static final Counts ZERO = new Counts(0, 0, 0);

        Counts plus(SwarmStats stats) {
            return new Counts(downloaded + stats.downloaded(), uploaded + stats.uploaded(), wasted + stats.wasted());
        }
    }

    /** The counters at one moment and the live stats they include. */
    record Snapshot(Counts total, SwarmStats live) {
    }

    private record Parts(Counts closed, Swarm open) {
    }

    private volatile Parts parts;

    Transfer() {
        this(Counts.ZERO);
    }

    /** @param before bytes moved already, in earlier runs of the engine */
    Transfer(Counts before) {
        parts = new Parts(before, null);
    }

    /** Counts {@code swarm} from now on. */
    void attach(Swarm swarm) {
        parts = new Parts(parts.closed(), swarm);
    }

    /** Folds the open swarm's counters in for good; returns the swarm, or null when none was open. */
    Swarm detach() {
        Parts now = parts;
        if (now.open() == null) {
            return null;
        }
        parts = new Parts(now.closed().plus(now.open().stats()), null);
        return now.open();
    }

    Snapshot snapshot() {
        Parts now = parts;
        SwarmStats live = now.open() == null ? SwarmStats.NONE : now.open().stats();
        return new Snapshot(now.closed().plus(live), live);
    }
}
