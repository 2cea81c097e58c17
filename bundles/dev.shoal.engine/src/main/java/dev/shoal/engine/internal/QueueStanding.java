package dev.shoal.engine.internal;

import dev.shoal.engine.api.TorrentState;
import dev.shoal.storage.api.PieceSet;
import java.util.function.Supplier;

/**
 * How one torrent stands in the queue: running, waiting or stopped, and the kind of slot it takes.
 * Engine thread only.
 */
final class QueueStanding {

    private final Lifecycle lifecycle;
    private final Supplier<FileChoice> files;
    private final Supplier<PieceSet> verifiedNow;
    private final Supplier<PieceSet> lastVerified;
    /**
     * Whether a check told what is on disk: false for a torrent just added (or kept with nothing
     * verified) until its first check ends. Until then it takes a check slot, not a download slot.
     */
    private boolean completenessKnown;

    /**
     * @param verifiedNow  the pieces verified now
     * @param lastVerified those when its storage was last closed
     */
    QueueStanding(Lifecycle lifecycle, Supplier<FileChoice> files, Supplier<PieceSet> verifiedNow,
            Supplier<PieceSet> lastVerified) {
        this.lifecycle = lifecycle;
        this.files = files;
        this.verifiedNow = verifiedNow;
        this.lastVerified = lastVerified;
        this.completenessKnown = lastVerified.get().count() > 0;
    }

    /** A check ended: what is on disk is known. */
    void checked() {
        completenessKnown = true;
    }

    /** What the queue sees of it now. */
    QueuePolicy.Entry entry() {
        QueuePolicy.Standing standing = switch (lifecycle.state()) {
            case DOWNLOADING, SEEDING -> QueuePolicy.Standing.RUNNING;
            case QUEUED -> QueuePolicy.Standing.WAITING;
            case CHECKING -> lifecycle.checkLeadsToRunning() ? QueuePolicy.Standing.RUNNING
                    : QueuePolicy.Standing.STOPPED;
            default -> QueuePolicy.Standing.STOPPED;
        };
        return new QueuePolicy.Entry(standing, standing == QueuePolicy.Standing.STOPPED ? QueuePolicy.Kind.DOWNLOAD
                : kind());
    }

    /**
     * The slot it takes: a seed's when seeding, or when every wanted piece was verified when last seen;
     * a check slot while what is on disk is not known yet.
     */
    QueuePolicy.Kind kind() {
        TorrentState state = lifecycle.state();
        return switch (state) {
            case SEEDING -> QueuePolicy.Kind.SEED;
            case DOWNLOADING -> QueuePolicy.Kind.DOWNLOAD;
            // While checking, what was verified before counts too: the check is on its way to it.
            default -> !completenessKnown ? QueuePolicy.Kind.CHECK
                    : files.get().complete(verifiedNow.get()) || files.get().complete(lastVerified.get())
                    ? QueuePolicy.Kind.SEED : QueuePolicy.Kind.DOWNLOAD;
        };
    }
}
