package dev.shoal.engine.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Which torrents may run, given how many may download and seed at once: a pure function of the
 * torrents in queue order. Waiting torrents start in queue order while slots of their kind are free.
 * Running torrents are never pushed out by a waiting one (a torrent moved up waits for a free slot);
 * only when more of a kind run than its limit allows (the limit was lowered, or a download completed
 * into full seed slots) do the last of that kind in queue order go back to waiting.
 */
final class QueuePolicy {

    /**
     * What slot a torrent takes: downloading, seeding (every wanted piece verified), or checking a
     * torrent whose data is not known yet. Check slots keep a complete torrent added behind stalled
     * downloads from waiting for a download slot only to learn it is a seed; after its check it takes
     * the slot of its kind, or waits at its place in the queue like any other.
     */
    enum Kind {
        DOWNLOAD,
        SEED,
        CHECK
    }

    /** Torrents checked at once for the first time: the disk, not a setting, is the limit. */
    static final int MAX_FIRST_CHECKS = 2;

    /** Where one torrent stands. */
    enum Standing {
        /** Holds a slot: checking to run, downloading or seeding. */
        RUNNING,
        /** Wants to run, has no slot. */
        WAITING,
        /** Stopped by the user, finished or failed: takes no slot and wants none. */
        STOPPED
    }

    record Entry(Standing standing, Kind kind) {
    }

    /** Indexes into the entries: those to start now, those to send back to waiting. */
    record Plan(List<Integer> start, List<Integer> queue) {

        boolean starts(int index) {
            return start.contains(index);
        }
    }

    private final int maxDownloads;
    private final int maxSeeds;

    /** @param maxDownloads most torrents downloading at once, 0 for no limit; likewise {@code maxSeeds} */
    QueuePolicy(int maxDownloads, int maxSeeds) {
        if (maxDownloads < 0 || maxSeeds < 0) {
            throw new IllegalArgumentException("queue limits must not be negative: " + maxDownloads + ", "
                    + maxSeeds);
        }
        this.maxDownloads = maxDownloads;
        this.maxSeeds = maxSeeds;
    }

    Plan plan(List<Entry> inQueueOrder) {
        int[] running = new int[Kind.values().length];
        for (Entry entry : inQueueOrder) {
            if (entry.standing() == Standing.RUNNING) {
                running[entry.kind().ordinal()]++;
            }
        }
        List<Integer> queue = new ArrayList<>();
        for (int i = inQueueOrder.size() - 1; i >= 0; i--) {
            Entry entry = inQueueOrder.get(i);
            if (entry.standing() == Standing.RUNNING && over(entry.kind(), running[entry.kind().ordinal()])) {
                running[entry.kind().ordinal()]--;
                queue.add(0, i);
            }
        }
        List<Integer> start = new ArrayList<>();
        for (int i = 0; i < inQueueOrder.size(); i++) {
            Entry entry = inQueueOrder.get(i);
            if (entry.standing() == Standing.WAITING && !over(entry.kind(), running[entry.kind().ordinal()] + 1)) {
                running[entry.kind().ordinal()]++;
                start.add(i);
            }
        }
        return new Plan(List.copyOf(start), List.copyOf(queue));
    }

    private boolean over(Kind kind, int count) {
        int limit = switch (kind) {
            case DOWNLOAD -> maxDownloads;
            case SEED -> maxSeeds;
            case CHECK -> MAX_FIRST_CHECKS;
        };
        return limit > 0 && count > limit;
    }
}
