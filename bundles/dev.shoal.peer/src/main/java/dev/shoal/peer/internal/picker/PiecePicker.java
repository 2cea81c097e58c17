package dev.shoal.peer.internal.picker;

import dev.shoal.storage.api.TorrentStorage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Decides which blocks to ask each peer for. Pure bookkeeping, no network and no threads: the
 * torrent's swarm logic owns one and calls it from one thread.
 *
 * <p>Only wanted pieces (priority not {@link Priority#SKIP}) are asked for, in the order of
 * {@link PickOrder}: high before normal; within a level, as in libtorrent and anacrolix, pieces in
 * progress first (those a previous run left on disk too); then the rarest ({@link AvailabilityBuckets}),
 * ties broken at random so peers spread out; but the first few at random, so that a new peer soon has
 * something to trade. When every missing block has been asked for (end game), a peer may be asked for
 * blocks others were asked for; late copies are cancelled when the first arrives. With every wanted
 * piece verified the picker is {@linkplain #isFinished() finished}: nothing to pick, no end game.
 *
 * @param <P> how the caller identifies a peer (compared with equals)
 */
public final class PiecePicker<P> {

    /** The storage's blocks ({@link TorrentStorage#BLOCK_LENGTH}): the grid it writes on. */
    public static final int BLOCK_SIZE = TorrentStorage.BLOCK_LENGTH;

    /** Pieces picked at random before rarest-first starts. */
    static final int RANDOM_FIRST_PIECES = 4;
    /** In end game, how many peers may be asked for the same block at once. */
    static final int MAX_END_GAME_REQUESTERS = 3;
    /** The levels worth fetching, in the order they are served. */
    private static final Priority[] WANTED_LEVELS = {Priority.HIGH, Priority.NORMAL};

    private final int pieceCount;
    private final int pieceLength;
    private final long totalLength;
    private final Random random;
    private final BitSet have = new BitSet();
    private final AvailabilityBuckets availability;
    private final Priority[] priority;
    /** Wanted pieces not yet verified: what interest and "finished" are about. */
    private final BitSet missing = new BitSet();
    /** How many of {@link #missing} are high: when none, picking skips the pass for them. */
    private int highMissing;
    private final Map<Integer, PartialPiece<P>> partial = new HashMap<>();
    /** The keys of {@link #partial}, for scans that must not box every index. */
    private final BitSet inProgress = new BitSet();

    public PiecePicker(int pieceCount, int pieceLength, long totalLength, Random random) {
        if (pieceCount < 0 || pieceLength <= 0 || totalLength > (long) pieceCount * pieceLength
                || totalLength <= (long) (pieceCount - 1) * pieceLength) {
            throw new IllegalArgumentException(pieceCount + " pieces of " + pieceLength + " cannot hold " + totalLength);
        }
        this.pieceCount = pieceCount;
        this.pieceLength = pieceLength;
        this.totalLength = totalLength;
        this.random = random;
        this.availability = new AvailabilityBuckets(pieceCount);
        this.priority = new Priority[pieceCount];
        Arrays.fill(priority, Priority.NORMAL);
        missing.set(0, pieceCount);
    }

    public int pieceSize(int piece) {
        return piece == pieceCount - 1 ? (int) (totalLength - (long) piece * pieceLength) : pieceLength;
    }

    // --- what we have and want -------------------------------------------------------------

    /** A piece we already have verified (from resume data or a recheck). */
    public void have(int piece) {
        checkIndex(piece);
        if (missing.get(piece)) {
            missing.clear(piece);
            highMissing -= priority[piece] == Priority.HIGH ? 1 : 0;
        }
        have.set(piece);
        availability.remove(piece);
        partial.remove(piece);
        inProgress.clear(piece);
    }

    public boolean has(int piece) {
        return have.get(piece);
    }

    public int haveCount() {
        return have.cardinality();
    }

    /**
     * Takes effect for the next {@link #pick}. Blocks already asked for stay recorded: the caller
     * decides whether to cancel those of a piece it now skips (see {@link #isWanted}).
     */
    public void setPriority(int piece, Priority value) {
        checkIndex(piece);
        if (missing.get(piece) && priority[piece] == Priority.HIGH) {
            highMissing--;
        }
        priority[piece] = value;
        boolean wanted = !have.get(piece) && value != Priority.SKIP;
        missing.set(piece, wanted);
        if (wanted && value == Priority.HIGH) {
            highMissing++;
        }
    }

    public Priority priority(int piece) {
        checkIndex(piece);
        return priority[piece];
    }

    /** True when the piece is wanted and not verified yet. */
    public boolean isWanted(int piece) {
        return missing.get(piece);
    }

    /** True when {@code pieces} holds any piece we want and lack: the peer that has them is interesting. */
    public boolean wantsAnyOf(BitSet pieces) {
        return pieces.intersects(missing);
    }

    /** True when every piece we want is verified. */
    public boolean isFinished() {
        return missing.isEmpty();
    }

    // --- what the swarm has ----------------------------------------------------------------

    public void peerHas(int piece) {
        checkIndex(piece);
        availability.increment(piece);
    }

    /** A peer's bitfield (or have-all, as every piece) joined the swarm. */
    public void peerHasAll(IntPredicate pieces) {
        for (int piece = 0; piece < pieceCount; piece++) {
            if (pieces.test(piece)) {
                availability.increment(piece);
            }
        }
    }

    /** A peer left: its pieces no longer count, and whatever it was asked for is free again. */
    public void peerGone(P peer, IntPredicate pieces) {
        for (int piece = 0; piece < pieceCount; piece++) {
            if (pieces.test(piece)) {
                availability.decrement(piece);
            }
        }
        releaseAll(peer);
    }

    public int availability(int piece) {
        return availability.of(piece);
    }

    // --- requests ----------------------------------------------------------------------------

    /**
     * Up to {@code max} blocks to ask {@code peer} for, among the pieces it has; records that it
     * was asked. Empty when it has nothing we still need.
     */
    public List<Block> pick(P peer, IntPredicate peerHas, int max) {
        List<Block> picked = new ArrayList<>(max);
        PriorityQueue<PickOrder> next = new PriorityQueue<>(PickOrder.FIRST);
        for (PartialPiece<P> piece : partial.values()) {
            if (priority[piece.piece] != Priority.SKIP && peerHas.test(piece.piece) && !piece.fullyRequested()) {
                next.add(new PickOrder(piece.piece, priority[piece.piece], true, availability.of(piece.piece),
                        random.nextInt()));
            }
        }
        for (Priority level : WANTED_LEVELS) {
            if (level != Priority.HIGH || highMissing > 0) {
                offerNewPiece(next, peerHas, level);
            }
        }
        while (picked.size() < max && !next.isEmpty()) {
            PickOrder chosen = next.poll();
            if (chosen.inProgress()) {
                partial.get(chosen.piece()).takeFree(peer, max, picked);
            } else {
                PartialPiece<P> started = new PartialPiece<>(chosen.piece(), pieceSize(chosen.piece()));
                partial.put(chosen.piece(), started);
                inProgress.set(chosen.piece());
                started.takeFree(peer, max, picked);
                offerNewPiece(next, peerHas, chosen.priority());
            }
        }
        if (picked.size() < max && !isFinished() && nothingLeftToStart()) {
            endGame(peer, peerHas, max, picked);
        }
        return picked;
    }

    /** A block arrived from {@code peer}. */
    public Received<P> received(P peer, Block block) {
        PartialPiece<P> piece = partial.get(block.piece());
        if (piece == null || !piece.matches(block)) {
            return new Received<>(Received.Outcome.UNEXPECTED, List.of());
        }
        int index = block.index();
        if (piece.isReceived(index)) {
            return new Received<>(Received.Outcome.DUPLICATE, List.of());
        }
        List<P> others = piece.receive(index, peer);
        return new Received<>(piece.complete() ? Received.Outcome.PIECE_COMPLETE : Received.Outcome.ACCEPTED, others);
    }

    /** {@code peer} will not send {@code block}: it rejected the request, choked us, or we cancelled. */
    public void release(P peer, Block block) {
        PartialPiece<P> piece = partial.get(block.piece());
        if (piece != null && piece.matches(block)) {
            piece.release(block.index(), peer);
        }
    }

    /** Forgets every request to {@code peer} (it choked us or disconnected). */
    public void releaseAll(P peer) {
        partial.values().forEach(piece -> piece.releaseAll(peer));
    }

    /** The piece passed its hash check. */
    public void verified(int piece) {
        have(piece);
    }

    /**
     * The piece failed its hash check: it starts over. Returns the peers that sent any of its
     * blocks, so the caller can hold them to account.
     */
    public Set<P> failed(int piece) {
        PartialPiece<P> failed = partial.remove(piece);
        inProgress.clear(piece);
        return failed == null ? Set.of() : failed.contributors();
    }

    /**
     * The storage has {@code written} (block indexes by piece): not asked for. With {@code forgetOthers}
     * (a new storage) other blocks received are fetched again: no piece waits for one it never saw.
     */
    public void onDisk(Map<Integer, BitSet> written, boolean forgetOthers) {
        if (forgetOthers) {
            partial.values().forEach(PartialPiece::forgetReceived);
        }
        written.forEach((piece, blocks) -> {
            if (piece >= 0 && piece < pieceCount && !have.get(piece)) {
                PartialPiece<P> started = partial.getOrDefault(piece, new PartialPiece<>(piece, pieceSize(piece)));
                if (started.onDisk(blocks)) {
                    partial.put(piece, started);
                    inProgress.set(piece);
                }
            }
        });
    }

    /** End game: every block still missing of a wanted piece has been asked for. */
    public boolean inEndGame() {
        if (isFinished() || !nothingLeftToStart()) {
            return false;
        }
        for (PartialPiece<P> piece : partial.values()) {
            if (priority[piece.piece] != Priority.SKIP && !piece.fullyRequested()) {
                return false;
            }
        }
        return true;
    }

    // --- choosing --------------------------------------------------------------------------

    /** Offers the next piece of {@code level} to start for a peer that has {@code peerHas}, if there is one. */
    private void offerNewPiece(PriorityQueue<PickOrder> next, IntPredicate peerHas, Priority level) {
        if (pieceCount == 0) {
            return;
        }
        IntPredicate startable = piece -> missing.get(piece) && priority[piece] == level && !inProgress.get(piece)
                && peerHas.test(piece);
        int offset = random.nextInt(pieceCount);
        boolean randomFirst = have.cardinality() < RANDOM_FIRST_PIECES;
        // The first few at random among the missing pieces, from a random offset; then the rarest.
        int piece = randomFirst ? AvailabilityBuckets.firstFrom(missing, offset, startable)
                : availability.rarest(startable, offset);
        if (piece >= 0) {
            next.add(new PickOrder(piece, level, false, randomFirst ? 0 : availability.of(piece), 0));
        }
    }

    private boolean nothingLeftToStart() {
        for (int piece = missing.nextSetBit(0); piece >= 0; piece = missing.nextSetBit(piece + 1)) {
            if (!inProgress.get(piece)) {
                return false;
            }
        }
        return true;
    }

    /** Asks {@code peer} for blocks of wanted pieces already asked of others, least-asked first. */
    private void endGame(P peer, IntPredicate peerHas, int max, List<Block> picked) {
        for (int requesters = 1; requesters < MAX_END_GAME_REQUESTERS && picked.size() < max; requesters++) {
            for (PartialPiece<P> piece : partial.values()) {
                if (priority[piece.piece] == Priority.SKIP || !peerHas.test(piece.piece)) {
                    continue;
                }
                piece.askAgain(peer, requesters, max, picked);
            }
        }
    }

    private void checkIndex(int piece) {
        if (piece < 0 || piece >= pieceCount) {
            throw new IndexOutOfBoundsException("piece " + piece + " of " + pieceCount);
        }
    }

    /** Throws when the bookkeeping contradicts itself; the tests call it after every step. */
    void checkInvariant() {
        BitSet keys = new BitSet();
        partial.keySet().forEach(keys::set);
        if (!keys.equals(inProgress)) {
            throw new IllegalStateException("pieces in progress " + inProgress + " but partial pieces " + keys);
        }
        for (Map.Entry<Integer, PartialPiece<P>> entry : partial.entrySet()) {
            if (have.get(entry.getKey())) {
                throw new IllegalStateException("piece " + entry.getKey() + " is both verified and in progress");
            }
            entry.getValue().checkInvariant();
        }
        availability.checkInvariant();
        int high = 0;
        for (int piece = 0; piece < pieceCount; piece++) {
            if (missing.get(piece) != (!have.get(piece) && priority[piece] != Priority.SKIP)) {
                throw new IllegalStateException("piece " + piece + " wrongly counted as " + (missing.get(piece) ? "" : "not ")
                        + "missing");
            }
            high += missing.get(piece) && priority[piece] == Priority.HIGH ? 1 : 0;
        }
        if (high != highMissing) {
            throw new IllegalStateException(high + " high pieces missing but " + highMissing + " counted");
        }
    }
}
