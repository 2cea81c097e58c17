package dev.shoal.engine.internal;

import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.metainfo.Metainfo;

/**
 * What was chosen for one torrent: its seed goal, its own rate limits, its files' priorities.
 * Read from any thread; the goal and limits change at once on the caller's thread, the priorities on
 * the engine thread.
 */
final class TorrentChoices {

    private volatile SeedGoal goal;
    private volatile RateLimits limits;
    /** Replaced when a priority changes. */
    private volatile FileChoice files;

    TorrentChoices(Metainfo metainfo, TorrentRecord record) {
        this.goal = record.seedGoal();
        this.limits = record.rateLimits();
        this.files = new FileChoice(new FileTable(metainfo), record.priorities());
    }

    SeedGoal goal() {
        return goal;
    }

    void setGoal(SeedGoal value) {
        goal = value;
    }

    RateLimits limits() {
        return limits;
    }

    void setLimits(RateLimits value) {
        limits = value;
    }

    FileChoice files() {
        return files;
    }

    void setFiles(FileChoice value) {
        files = value;
    }
}
