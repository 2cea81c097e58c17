package dev.shoal.engine.internal;

import dev.shoal.engine.api.PeerStatus;
import dev.shoal.engine.api.TorrentDates;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.Swarm;
import dev.shoal.storage.api.TorrentStorage;
import dev.shoal.tracker.api.TransferStats;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How one torrent stands, built from its parts when asked, from any thread: its status, its peers
 * and the record the store keeps of it.
 */
record TorrentView(int id, Instant added, Metainfo original, Placement placement, Lifecycle lifecycle,
        Transfer transfer, SeedClock seedClock, TrackerInfos trackers, TorrentChoices choices, Runs runs,
        TorrentNotes notes) {

    /** The torrent as laid out now (renamed paths, the torrent file's hashes). */
    Metainfo metainfo() {
        return placement.layout();
    }

    Path downloadDirectory() {
        return placement.directory();
    }

    TorrentDates dates() {
        return notes.dates(seedClock.elapsed());
    }

    TorrentStatus status() {
        TorrentRun current = runs.current();
        TorrentStorage storage = current == null ? null : current.storage;
        int checked = 0;
        if (storage != null) {
            // A requested recheck reports its progress; the startup check only its hashing count.
            checked = current.rechecking ? current.checked : (int) Math.min(storage.stats().piecesHashed(),
                    original.pieceCount());
        }
        return StatusBuilder.build(metainfo(), lifecycle.state(), lifecycle.error(), runs.verifiedNow(), checked,
                transfer.snapshot(), seedClock.elapsed(), choices.goal(),
                trackers.now(current == null ? null : current.announce));
    }

    List<PeerStatus> peers() {
        TorrentRun current = runs.current();
        Swarm swarm = current == null ? null : current.swarm;
        return swarm == null ? List.of() : PeerStatuses.of(swarm.peers(), original.pieceCount());
    }

    /** Its record as it stands. */
    TorrentRecord record() {
        TorrentState kept = lifecycle.keptAs();
        Placement.Now now = placement.now();
        return new TorrentRecord(id, original.infoHash(), now.directory(), kept,
                kept == TorrentState.ERROR ? lifecycle.error() : Optional.empty(), choices.goal(), choices.limits(),
                choices.files().priorities(), runs.verifiedNow(), transfer.snapshot().total(), seedClock.elapsed(),
                added, Optional.empty(), notes.extras(Layouts.renamedPaths(original, now.layout())));
    }

    /** Whether it has seeded as long or as much as its goal asks. */
    boolean goalReached() {
        return choices.goal().reached(transfer.snapshot().total().uploaded(), original.totalLength(),
                seedClock.elapsed());
    }

    /** What the trackers hear: bytes moved since added, bytes still missing. */
    TransferStats transferStats() {
        Transfer.Counts total = transfer.snapshot().total();
        return new TransferStats(total.uploaded(), total.downloaded(), StatusBuilder.left(original,
                runs.verifiedNow()));
    }
}
