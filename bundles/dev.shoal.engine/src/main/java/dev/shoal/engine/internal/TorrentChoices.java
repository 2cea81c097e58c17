package dev.shoal.engine.internal;

import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.Swarm;

/**
 * What was chosen for one torrent: its seed goal, its own rate limits, its files' priorities, and how
 * a swarm is told them. Read from any thread; the goal and limits change at once on the caller's
 * thread, the priorities on the engine thread, where swarms are told.
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

    /** A swarm just joined gets the torrent's limits and priorities. */
    void configure(Swarm swarm) {
        tellLimits(swarm);
        if (!files.wanted().all()) {
            tellPriorities(swarm);
        }
    }

    void tellLimits(Swarm swarm) {
        swarm.setRateLimits(Limits.toSwarm(limits));
    }

    void tellPriorities(Swarm swarm) {
        swarm.setPiecePriorities(files.wanted());
    }
}
