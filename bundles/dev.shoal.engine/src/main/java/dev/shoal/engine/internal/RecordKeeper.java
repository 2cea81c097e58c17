package dev.shoal.engine.internal;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Hands one torrent's record to the store when it changed since the last time, so that unchanged
 * torrents are not written again. Engine thread only.
 */
final class RecordKeeper {

    /**
     * How far the clocks (time seeding, time downloading) may run ahead of the saved record before
     * the periodic save writes it for them alone: a seed nobody asks for changes nothing else, and
     * would otherwise be rewritten on every save. Every other change, a state change and the engine's
     * stop write at once, so only a killed process loses this much of its clocks.
     */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(15);

    private final Consumer<TorrentRecord> store;
    /** What was last handed to the store. */
    private TorrentRecord saved;

    /** @param store where a record to write goes ({@link SessionWriter#save}) */
    RecordKeeper(Consumer<TorrentRecord> store) {
        this.store = store;
    }

    /** Writes {@code now} unless it is what was saved. */
    void keep(TorrentRecord now) {
        if (!now.equals(saved)) {
            saved = now;
            store.accept(now);
        }
    }

    /** The periodic save: as {@link #keep}, but not for clocks alone that moved less than the slack. */
    void keepCounters(TorrentRecord now) {
        if (saved != null && onlyClocksMoved(saved, now)) {
            return;
        }
        keep(now);
    }

    private static boolean onlyClocksMoved(TorrentRecord saved, TorrentRecord now) {
        Duration seeding = now.seeding().minus(saved.seeding());
        Duration downloading = now.extras().downloading().minus(saved.extras().downloading());
        if (seeding.compareTo(CLOCK_SLACK) >= 0 || downloading.compareTo(CLOCK_SLACK) >= 0) {
            return false;
        }
        TorrentRecord.Extras extras = now.extras();
        TorrentRecord withSavedClocks = new TorrentRecord(now.id(), now.infoHash(), now.downloadDirectory(),
                now.state(), now.error(), now.seedGoal(), now.rateLimits(), now.priorities(), now.verified(),
                now.transfer(), saved.seeding(), now.added(), now.magnet(), new TorrentRecord.Extras(extras.done(),
                        extras.active(), extras.labels(), extras.idle(), saved.extras().downloading(),
                        extras.paths(), extras.trackers(), extras.edited()));
        return withSavedClocks.equals(saved);
    }
}
