package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.api.SwarmListener;
import dev.shoal.peer.internal.picker.PiecePicker;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.TorrentStorage;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Blocks to the disk, and whether new requests may go out. Holding requests back is how we slow
 * peers down: they only send what we asked for. Two reasons hold them: the disk is behind, or the
 * download limits are in debt. The disk's bound is the storage's own write queue (its configured
 * size): once writes wait for room there, nothing more is asked until they got in, so there is one
 * back-pressure bound, not a second number here. Under the swarm's lock, but for the storage's
 * callbacks, which take it only when they have something to change.
 */
final class WriteGate {

    private final SwarmLock lock;
    private final TorrentStorage storage;
    private final PiecePicker<PeerState> picker;
    private final SwarmListener listener;
    private final SwarmContext context;
    private final TokenBucket downloadLimit;
    private final Clock clock;
    /** Tops up every peer's requests: the gate opened again. */
    private final Runnable refill;
    /**
     * Requests were held back because the storage's write queue was full. Volatile: a write's
     * completion reads it on the disk thread without the swarm's lock, which it takes only when
     * there is something to do (requests held, or the write failed), not once per block.
     */
    private volatile boolean heldByDisk;
    private boolean refillScheduled;
    private boolean closed;

    WriteGate(SwarmLock lock, TorrentStorage storage, PiecePicker<PeerState> picker, SwarmListener listener,
            SwarmContext context, TokenBucket downloadLimit, Clock clock, Runnable refill) {
        this.lock = lock;
        this.storage = storage;
        this.picker = picker;
        this.listener = listener;
        this.context = context;
        this.downloadLimit = downloadLimit;
        this.clock = clock;
        this.refill = refill;
    }

    /**
     * Hands a received block to the disk, whose buffer goes back to its pool once the write completed,
     * failed or not: the storage owns the bytes until then and reads them no more after.
     */
    void write(Piece piece) {
        storage.writeBlock(piece.piece(), piece.begin(), piece.toStore()).whenComplete((ok, failure) -> {
            piece.release();
            if (failure != null || heldByDisk) {
                lock.run(() -> written(piece.piece(), failure));
            }
        });
    }

    private void written(int piece, Throwable failure) {
        if (closed) {
            return;
        }
        if (failure != null) {
            picker.failed(piece); // its written blocks are forgotten with the piece; fetched again later
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof StorageException storageFailure
                    && storageFailure.kind() != StorageException.Kind.CLOSED) {
                listener.writeFailed(storageFailure);
            }
        }
        if (heldByDisk && !diskBehind()) {
            heldByDisk = false;
            refill.run();
        }
    }

    /** Whether new requests may go out now; when the limits are in debt, a refill is due once paid. */
    boolean mayRequest() {
        if (diskBehind()) {
            heldByDisk = true;
            // Asked again now that the flag is out: a write still waiting at this point completes after
            // it and so sees it (see write); if none is, the queue drained meanwhile and nothing holds us.
            if (diskBehind()) {
                return false;
            }
            heldByDisk = false;
        }
        long now = clock.nanos();
        long wait = Math.max(downloadLimit.waitNanos(now), context.globalDownload().waitNanos(now));
        if (wait > 0) {
            if (!refillScheduled) {
                refillScheduled = true;
                context.scheduler().schedule(() -> lock.run(this::refillAfterWait), wait, TimeUnit.NANOSECONDS);
            }
            return false;
        }
        return true;
    }

    /** A received block counts against the download limits. */
    void received(int length) {
        long now = clock.nanos();
        downloadLimit.take(length, now);
        context.globalDownload().take(length, now);
    }

    void close() {
        closed = true;
    }

    private boolean diskBehind() {
        return storage.stats().waitingWrites() > 0;
    }

    private void refillAfterWait() {
        refillScheduled = false;
        if (!closed) {
            refill.run();
        }
    }
}
