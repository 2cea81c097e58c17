package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.internal.codec.PieceFrame;
import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.HaveAll;
import dev.shoal.peer.internal.wire.HaveNone;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.RejectRequest;
import dev.shoal.peer.internal.wire.Request;
import dev.shoal.storage.api.PieceSet;
import dev.shoal.storage.api.TorrentStorage;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serving the requests of unchoked peers (the {@link Unchoker} says who) from verified pieces, within
 * the upload limits and with a bounded number of blocks per peer between the disk and the socket.
 * Each block is read straight into the buffer that goes to the socket, a {@link PieceFrame} from the
 * component's send pool, given back once MINA has written it or dropped it with its connection: no
 * copy, no fresh 16 KiB per block. A peer's waiting requests are bounded
 * ({@link SwarmSettings#maxPeerRequests()}); those over it, and those of a peer we choke, are refused
 * (rejected under BEP 6, else dropped). Refusing costs a reject in the peer's write queue, which a
 * peer that does not read never empties: rejects stop at {@link #REJECTS_QUEUED_MAX} queued (then
 * requests are dropped), and a peer refused more than {@link #REFUSALS_BEYOND_LIMIT} past the bound in
 * a row that takes nothing from its socket for {@link #NOT_READING_MILLIS} is disconnected. Refusals
 * alone are no reason: the bound is advertised as {@code reqq} only to peers that speak the extension
 * protocol, and a client that ignores it (Transmission asks for ten seconds of its rate at once,
 * thousands of requests) reads every reject. Every method runs under the swarm's lock; the disk reads
 * do not hold it.
 */
final class Uploader {

    private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);

    /** Blocks per peer being read from disk or waiting in the socket's queue: keeps memory flat (1 MiB). */
    static final int BLOCKS_IN_FLIGHT = 64;
    /**
     * The window is refilled, up to {@link #BLOCKS_IN_FLIGHT}, once no more than this many are in it:
     * half a window of reads in one go wakes the disk thread once and reaches MINA as one burst,
     * rather than one wake-up of each per block sent.
     */
    static final int REFILL_AT = BLOCKS_IN_FLIGHT / 2;
    /**
     * Refusals tolerated beyond the request bound: a peer choked with a full pipeline legitimately
     * sends up to the bound before our choke reaches it, and a little more is slack for timing.
     */
    static final int REFUSALS_BEYOND_LIMIT = 64;
    /**
     * Rejects queued for one peer at most: above what one read of its socket (256 KiB, 15,420
     * requests) can make us queue before MINA flushes, so a peer that reads never loses one.
     */
    static final int REJECTS_QUEUED_MAX = 20_000;
    /** A peer with writes waiting that took none of them for this long is not reading. */
    static final long NOT_READING_MILLIS = 5_000;

    private final SwarmLock lock;
    private final TorrentStorage storage;
    private final BitSet verified;
    private final TokenBucket torrentLimit;
    private final SwarmContext context;
    private final RateMeter sent = new RateMeter();
    private final Clock clock;

    Uploader(SwarmLock lock, TorrentStorage storage, BitSet verified, SwarmContext context, Clock clock) {
        this.lock = lock;
        this.storage = storage;
        this.verified = verified;
        this.context = context;
        this.torrentLimit = new TokenBucket(0, clock.nanos());
        this.clock = clock;
    }

    /** The torrent's upload limit in bytes per second; 0 for none. */
    void setLimit(long bytesPerSecond) {
        torrentLimit.setRate(bytesPerSecond, clock.nanos());
    }

    /** Bytes of blocks sent, and the rate. */
    RateMeter sent() {
        return sent;
    }

    /**
     * Tells a peer that just joined what we have: HaveAll or HaveNone to a BEP 6 peer, else a bitfield
     * (nothing at all when we have nothing).
     */
    void advertise(PeerState peer, int pieceCount) {
        int count = verified.cardinality();
        if (peer.fastExtension && count == pieceCount) {
            peer.send(new HaveAll());
        } else if (peer.fastExtension && count == 0) {
            peer.send(new HaveNone());
        } else if (count > 0) {
            peer.send(new Bitfield(PieceSet.of(verified, pieceCount).toBytes()));
        }
    }

    /** The same as haves, for a peer taken over from a metadata fetch: a bitfield may only come first. */
    void advertiseAsHaves(PeerState peer) {
        for (int piece = verified.nextSetBit(0); piece >= 0; piece = verified.nextSetBit(piece + 1)) {
            peer.send(new Have(piece));
        }
    }

    /** Once a second: serves what a limit held back, and checks for a flood. */
    void tick(PeerState peer) {
        serve(peer);
        cutOffIfFlooding(peer);
    }

    void request(PeerState peer, Request request, int pieceSize) {
        if (!peer.connection.isOpen()) {
            return; // disconnected below; what was already read of its socket changes nothing
        }
        boolean valid = verified.get(request.piece())
                && (long) request.begin() + request.length() <= pieceSize;
        int limit = context.settings().maxPeerRequests();
        if (!peer.choked && valid && peer.uploads.size() < limit) {
            peer.uploads.add(request);
            peer.requestsAccepted++;
            peer.requestsRefused = 0;
            serve(peer);
            return;
        }
        // BEP 6 peers expect an answer to every request; others learn from the choke (or the bound).
        if (peer.fastExtension && peer.connection.queuedWrites() < REJECTS_QUEUED_MAX) {
            peer.send(new RejectRequest(request.piece(), request.begin(), request.length()));
        }
        peer.requestsRefused++;
        cutOffIfFlooding(peer);
    }

    /**
     * Disconnects a peer that asked far beyond the bound and does not read what we send; on each
     * refusal and once a second, as a flood may have stopped by the time its socket is seen stuck.
     */
    void cutOffIfFlooding(PeerState peer) {
        int limit = context.settings().maxPeerRequests();
        if (peer.requestsRefused > limit + REFUSALS_BEYOND_LIMIT && peer.connection.isOpen()
                && peer.deaf(clock.millis(), NOT_READING_MILLIS)) {
            LOG.info("closing {}: {} requests refused in a row ({}), {} accepted before, at most {} may wait; "
                    + "it took nothing from its socket for {} s", peer.address, peer.requestsRefused,
                    peer.choked ? "choked" : "queue full or not ours", peer.requestsAccepted, limit,
                    NOT_READING_MILLIS / 1000);
            peer.uploads.clear();
            peer.connection.closeNow();
        }
    }

    void cancel(PeerState peer, Request request) {
        // Only a block being read can be cancelled late; anything else would grow the set at will.
        if (!peer.uploads.remove(request) && peer.readsInFlight > 0 && peer.cancelled.size() < BLOCKS_IN_FLIGHT) {
            peer.cancelled.add(request);
        }
    }

    /** A block we sent reached the socket: room for the next. */
    void blockSent(PeerState peer) {
        peer.blocksQueued--;
        peer.socketProgressMillis = clock.millis();
        serve(peer);
    }

    /** Starts reading what the peer asked for, as far as the limits allow, once the window is half empty. */
    void serve(PeerState peer) {
        if (peer.readsInFlight + peer.blocksQueued > REFILL_AT) {
            return;
        }
        while (!peer.uploads.isEmpty() && peer.readsInFlight + peer.blocksQueued < BLOCKS_IN_FLIGHT) {
            long now = clock.nanos();
            long wait = Math.max(torrentLimit.waitNanos(now), context.globalUpload().waitNanos(now));
            if (wait > 0) {
                scheduleServe(peer, wait);
                return;
            }
            Request request = peer.uploads.poll();
            torrentLimit.take(request.length(), now);
            context.globalUpload().take(request.length(), now);
            peer.readsInFlight++;
            PieceFrame frame = PieceFrame.take(context.sendBuffers(), request.length());
            storage.readBlockInto(request.piece(), request.begin(), frame.block())
                    .whenComplete((done, failure) -> read(peer, request, frame, failure));
        }
    }

    private void read(PeerState peer, Request request, PieceFrame frame, Throwable failure) {
        lock.run(() -> {
            peer.readsInFlight--;
            boolean wanted = !peer.cancelled.remove(request) && !peer.choked && peer.connection.isOpen();
            if (failure == null && wanted) {
                if (peer.blocksQueued++ == 0) {
                    peer.socketProgressMillis = clock.millis(); // the socket's wait starts now
                }
                peer.connection.sendBlock(new Piece(request.piece(), request.begin(), frame.block(), frame));
                peer.sent.add(request.length());
                sent.add(request.length());
            } else {
                frame.release();
                if (failure != null && peer.fastExtension && wanted) {
                    peer.send(new RejectRequest(request.piece(), request.begin(), request.length()));
                }
            }
            serve(peer);
        });
    }

    private void scheduleServe(PeerState peer, long waitNanos) {
        if (peer.uploadScheduled) {
            return;
        }
        peer.uploadScheduled = true;
        context.scheduler().schedule(() -> lock.run(() -> {
            peer.uploadScheduled = false;
            if (peer.connection.isOpen()) {
                serve(peer);
            }
        }), waitNanos, TimeUnit.NANOSECONDS);
    }
}
