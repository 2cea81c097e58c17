package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.internal.picker.Block;
import dev.shoal.peer.internal.picker.PiecePicker;
import dev.shoal.peer.internal.picker.Priority;
import dev.shoal.peer.internal.picker.Received;
import dev.shoal.peer.internal.wire.Cancel;
import dev.shoal.peer.internal.wire.Interested;
import dev.shoal.peer.internal.wire.NotInterested;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Our side as a taker: whether each peer has something we lack (interest), what to ask it for (the
 * picker, rarest first), how many requests to keep outstanding (adaptive: a slow start, then
 * {@code queueTime} seconds of its rate), snubbing, and blocks arriving. Every method runs under the
 * swarm's lock; the disk write is the swarm's.
 */
final class Downloader {

    static final int INITIAL_QUEUE_DEPTH = 16;

    private final PiecePicker<PeerState> picker;
    /** Read at each use: queue depths and the snub time change live. */
    private final Supplier<SwarmSettings> settings;
    private final Clock clock;
    private final BooleanSupplier mayRequest;

    Downloader(PiecePicker<PeerState> picker, Supplier<SwarmSettings> settings, Clock clock,
            BooleanSupplier mayRequest) {
        this.mayRequest = mayRequest;
        this.picker = picker;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends interested or not interested when that changed: interested while it has a piece we want and lack. */
    void updateInterest(PeerState peer) {
        boolean interesting = picker.wantsAnyOf(peer.has);
        if (interesting != peer.interesting) {
            peer.interesting = interesting;
            peer.send(interesting ? new Interested() : new NotInterested());
        }
    }

    /** Keeps the peer's request queue full, as far as it lets us ask. */
    void fillRequests(PeerState peer) {
        if (!peer.interesting || picker.isFinished()) {
            return;
        }
        int room = peer.queueDepth - peer.requested.size();
        // Topping up one block at a time costs a pick per block; a quarter of the queue (at most
        // 16 blocks) per pick keeps the pipe as full at a fraction of the work.
        int batch = Math.max(1, Math.min(16, peer.queueDepth / 4));
        if (room < batch && !peer.requested.isEmpty()) {
            return;
        }
        if (room <= 0 || (peer.chokingUs && peer.allowedFast.isEmpty()) || !mayRequest.getAsBoolean()) {
            return;
        }
        IntPredicate may = peer.chokingUs ? piece -> peer.has.get(piece) && peer.allowedFast.contains(piece)
                : peer.has::get;
        List<Block> blocks = picker.pick(peer, may, room);
        if (blocks.isEmpty()) {
            if (peer.requested.isEmpty()) {
                updateInterest(peer);
            }
            return;
        }
        if (peer.requested.isEmpty()) {
            peer.lastRequestMillis = clock.millis();
        }
        List<PeerMessage> requests = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            peer.requested.add(block);
            requests.add(new Request(block.piece(), block.offset(), block.length()));
        }
        peer.sendAll(requests);
    }

    /**
     * Cancels what the peer was asked for of pieces we no longer want, and gives those blocks back
     * to the picker: skipping a file should free the bandwidth at once, not after the queue drains.
     * A block that still comes (the cancel crossed it) is stored as usual, as the picker keeps the
     * partial piece for when it is wanted again.
     */
    void cancelUnwanted(PeerState peer) {
        List<Block> unwanted = new ArrayList<>();
        for (Block block : peer.requested) {
            if (picker.priority(block.piece()) == Priority.SKIP) {
                unwanted.add(block);
            }
        }
        for (Block block : unwanted) {
            release(peer, block);
            peer.send(new Cancel(block.piece(), block.offset(), block.length()));
        }
    }

    /**
     * A block arrived. Returns what it meant; for a new block the caller writes it, and the
     * duplicates requested elsewhere (end game) are cancelled here.
     */
    Received.Outcome received(PeerState peer, Piece piece) {
        Block block = new Block(piece.piece(), piece.begin(), piece.length());
        peer.requested.remove(block);
        peer.lastBlockMillis = clock.millis();
        peer.snubbed = false;
        if (peer.slowStart) {
            peer.queueDepth = Math.min(settings.get().maxQueueDepth(), peer.queueDepth + 1);
        }
        Received<PeerState> received = picker.received(peer, block);
        for (PeerState other : received.cancelAt()) {
            if (other != peer && other.requested.remove(block)) {
                other.send(new Cancel(block.piece(), block.offset(), block.length()));
            }
        }
        return received.outcome();
    }

    /** The peer will not send these (it choked us without BEP 6, rejected them, or went quiet). */
    void release(PeerState peer, Block block) {
        if (peer.requested.remove(block)) {
            picker.release(peer, block);
        }
    }

    void releaseAll(PeerState peer) {
        peer.requested.clear();
        picker.releaseAll(peer);
    }

    /**
     * Once a second: the queue depth follows the peer's rate, and a peer that sent nothing for the
     * snub time although we asked loses its requests to others and keeps only one outstanding.
     */
    void tick(PeerState peer) {
        long now = clock.millis();
        SwarmSettings settings = this.settings.get();
        long rate = peer.received.rate();
        if (peer.slowStart && rate > 0 && rate <= peer.lastRate * 11 / 10) {
            peer.slowStart = false;
        }
        peer.lastRate = rate;
        if (!peer.slowStart) {
            long target = rate * settings.queueTime().toMillis() / 1000 / PiecePicker.BLOCK_SIZE;
            peer.queueDepth = (int) Math.max(settings.minQueueDepth(), Math.min(settings.maxQueueDepth(), target));
        }
        long waitingSince = Math.max(peer.lastBlockMillis, peer.lastRequestMillis);
        if (!peer.requested.isEmpty() && !peer.snubbed && now - waitingSince >= settings.snubTime().toMillis()) {
            peer.snubbed = true;
            peer.slowStart = false;
            peer.queueDepth = 1;
            releaseAll(peer);
        }
        if (peer.snubbed) {
            peer.queueDepth = 1;
        }
        fillRequests(peer);
    }
}
