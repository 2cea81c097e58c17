package dev.shoal.rpc.internal;

import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.engine.api.PeerStatus;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentDates;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.metainfo.Metainfo;
import java.util.List;
import java.util.Optional;

/**
 * One torrent as one {@code torrent-get} sees it: each snapshot taken once, when a field first
 * needs it, so the fields of one answer agree and a torrent's peers are not listed for nothing.
 */
final class TorrentView {

    /** Transmission's {@code tr_torrent_activity}. */
    static final int STOPPED = 0;
    static final int CHECK = 2;
    static final int DOWNLOAD_WAIT = 3;
    static final int DOWNLOAD = 4;
    static final int SEED_WAIT = 5;
    static final int SEED = 6;

    /** {@code TR_ETA_NOT_AVAIL} and {@code TR_ETA_UNKNOWN}. */
    static final long ETA_NOT_AVAILABLE = -1;
    static final long ETA_UNKNOWN = -2;

    private final Torrent torrent;
    private final RequestScope scope;
    private TorrentStatus status;
    private List<FileStatus> files;
    private List<PeerStatus> peers;
    private Optional<Metainfo> metainfo;
    private TorrentDates dates;

    TorrentView(Torrent torrent, RequestScope scope) {
        this.torrent = torrent;
        this.scope = scope;
    }

    Torrent torrent() {
        return torrent;
    }

    /** Its place in the queue, from 1. */
    int queuePosition() {
        return scope.queue().position(torrent);
    }

    RequestScope scope() {
        return scope;
    }

    TorrentStatus status() {
        if (status == null) {
            status = torrent.status();
        }
        return status;
    }

    List<FileStatus> files() {
        if (files == null) {
            files = torrent.files();
        }
        return files;
    }

    List<PeerStatus> peers() {
        if (peers == null) {
            peers = torrent.peers();
        }
        return peers;
    }

    Optional<Metainfo> metainfo() {
        if (metainfo == null) {
            metainfo = torrent.metainfo();
        }
        return metainfo;
    }

    TorrentDates dates() {
        if (dates == null) {
            dates = torrent.dates();
        }
        return dates;
    }

    /** Transmission's status number for the engine's state. */
    int activity() {
        TorrentState state = status().state();
        return switch (state) {
            case CHECKING -> CHECK;
            case DOWNLOADING, METADATA -> DOWNLOAD;
            case SEEDING -> SEED;
            case QUEUED -> status().complete() ? SEED_WAIT : DOWNLOAD_WAIT;
            case FINISHED, PAUSED, ERROR -> STOPPED;
        };
    }

    /** Bytes of the files wanted (all, before the metadata: 0, as Transmission says then). */
    long sizeWhenDone() {
        if (files().isEmpty()) {
            return 0;
        }
        return files().stream().filter(f -> f.priority() != FilePriority.SKIP).mapToLong(FileStatus::size).sum();
    }

    /** Bytes of the files wanted that are not verified yet. */
    long leftUntilDone() {
        return files().stream().filter(f -> f.priority() != FilePriority.SKIP)
                .mapToLong(f -> Math.max(0, f.size() - f.verifiedBytes())).sum();
    }

    double percentDone() {
        long wanted = sizeWhenDone();
        if (status().metadata().isPresent()) {
            return 0.0;
        }
        return wanted == 0 ? 1.0 : (double) (wanted - leftUntilDone()) / wanted;
    }

    long eta() {
        int activity = activity();
        if (activity != DOWNLOAD && activity != SEED) {
            return ETA_NOT_AVAILABLE;
        }
        return status().eta().map(d -> Math.max(0, d.toSeconds())).orElse(ETA_UNKNOWN);
    }

    /** Transmission's ratio: uploaded over downloaded (over what is verified when nothing was downloaded); -1 when neither. */
    double uploadRatio() {
        long base = status().downloaded() > 0 ? status().downloaded() : status().verifiedBytes();
        return base <= 0 ? -1 : (double) status().uploaded() / base;
    }

    /** A file's name as Transmission gives it: under the torrent's folder for a multi-file torrent. */
    String fileName(FileStatus file) {
        boolean single = metainfo().map(Metainfo::singleFile).orElse(true);
        return single ? file.path() : status().name() + "/" + file.path();
    }

    /** {@code tr_priority_t}: high 1, normal 0 (a skipped file's priority is normal: "wanted" says it is skipped). */
    static int priority(FilePriority priority) {
        return priority == FilePriority.HIGH ? 1 : 0;
    }
}
