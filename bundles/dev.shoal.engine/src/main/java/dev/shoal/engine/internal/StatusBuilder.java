package dev.shoal.engine.internal;

import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.engine.api.TrackerInfo;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.SwarmStats;
import dev.shoal.storage.api.PieceSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Puts a {@link TorrentStatus} together from its parts; no state of its own. */
final class StatusBuilder {

    private StatusBuilder() {
    }

    /**
     * @param checked  pieces hashed so far by the check under way (reported only while CHECKING)
     * @param transfer counters over every swarm, and the open swarm's stats (rates, peers)
     */
    static TorrentStatus build(Metainfo torrent, TorrentState state, Optional<String> error, PieceSet verified,
            int checked, Transfer.Snapshot transfer, Duration seeding, SeedGoal goal, List<TrackerInfo> trackers) {
        long size = torrent.totalLength();
        long verifiedBytes = verifiedBytes(torrent, verified);
        SwarmStats live = transfer.live();
        Transfer.Counts total = transfer.total();
        Optional<Duration> eta = switch (state) {
            case DOWNLOADING -> Eta.toComplete(size - verifiedBytes, live.downloadRate());
            case SEEDING -> Eta.toGoal(goal, total.uploaded(), size, live.uploadRate(), seeding);
            default -> Optional.empty();
        };
        int checkedPieces = state == TorrentState.CHECKING ? Math.min(checked, torrent.pieceCount()) : 0;
        return new TorrentStatus(torrent.infoHash(), torrent.name(), state, error, size, verifiedBytes,
                torrent.pieceCount(), verified.count(), checkedPieces, total.downloaded(), total.uploaded(),
                total.wasted(), live.downloadRate(), live.uploadRate(), eta, live.peers(), live.seeds(), seeding,
                trackers);
    }

    /** Bytes in the verified pieces: full pieces, the last one at its own size. */
    static long verifiedBytes(Metainfo torrent, PieceSet verified) {
        int count = verified.count();
        if (count == 0) {
            return 0;
        }
        int last = torrent.pieceCount() - 1;
        long bytes = (long) count * torrent.pieceLength();
        if (verified.has(last)) {
            bytes -= torrent.pieceLength() - torrent.pieceSize(last);
        }
        return bytes;
    }

    /** Bytes still missing, as announced to trackers. */
    static long left(Metainfo torrent, PieceSet verified) {
        return Math.max(0, torrent.totalLength() - verifiedBytes(torrent, verified));
    }
}
