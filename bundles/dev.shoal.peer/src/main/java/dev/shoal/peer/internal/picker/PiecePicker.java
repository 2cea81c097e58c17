package dev.shoal.peer.internal.picker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Decides which blocks to ask each peer for. Pure bookkeeping, no network and no threads: the
 * torrent's swarm logic owns one and calls it from one thread.
 *
 * <p>Order of choice, as in libtorrent and anacrolix: blocks of pieces already in progress first
 * (finished pieces can be verified and shared sooner); then new pieces, high priority before
 * normal, and among those the rarest in the swarm, ties broken at random so peers spread out;
 * except that the first few pieces are picked at random among the available ones, so that a new
 * peer soon has something to trade. When every missing block has been asked for (end game), a
 * peer may be asked for blocks others were already asked for, and the late copies are
 * cancelled when the first arrives.
 *
 * @param <P> how the caller identifies a peer (compared with equals)
 */
public final class PiecePicker<P> {

    public static final int BLOCK_SIZE = 16 * 1024;

    /** Pieces picked at random before rarest-first starts. */
    static final int RANDOM_FIRST_PIECES = 4;
    /** In end game, how many peers may be asked for the same block at once. */
    static final int MAX_END_GAME_REQUESTERS = 3;

    private final int pieceCount;
    private final int pieceLength;
    private final long totalLength;
    private final Random random;
    private final BitSet have = new BitSet();
    private final int[] availability;
    private final Priority[] priority;
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
        this.availability = new int[pieceCount];
        this.priority = new Priority[pieceCount];
        Arrays.fill(priority, Priority.NORMAL);
    }

    public int pieceSize(int piece) {
        return piece == pieceCount - 1 ? (int) (totalLength - (long) piece * pieceLength) : pieceLength;
    }

    // --- what we have and want -------------------------------------------------------------

    /** A piece we already have verified (from resume data or a recheck). */
    public void have(int piece) {
        checkIndex(piece);
        have.set(piece);
        partial.remove(piece);
        inProgress.clear(piece);
    }

    public boolean has(int piece) {
        return have.get(piece);
    }

    public int haveCount() {
        return have.cardinality();
    }

    public void setPriority(int piece, Priority value) {
        checkIndex(piece);
        priority[piece] = value;
    }

    /** True when every piece we want is verified. */
    public boolean isFinished() {
        for (int piece = have.nextClearBit(0); piece < pieceCount; piece = have.nextClearBit(piece + 1)) {
            if (priority[piece] != Priority.SKIP) {
                return false;
            }
        }
        return true;
    }

    // --- what the swarm has ----------------------------------------------------------------

    public void peerHas(int piece) {
        checkIndex(piece);
        availability[piece]++;
    }

    /** A peer's bitfield (or have-all, as every piece) joined the swarm. */
    public void peerHasAll(IntPredicate pieces) {
        for (int piece = 0; piece < pieceCount; piece++) {
            if (pieces.test(piece)) {
                availability[piece]++;
            }
        }
    }

    /** A peer left: its pieces no longer count, and whatever it was asked for is free again. */
    public void peerGone(P peer, IntPredicate pieces) {
        for (int piece = 0; piece < pieceCount; piece++) {
            if (pieces.test(piece) && availability[piece] > 0) {
                availability[piece]--;
            }
        }
        releaseAll(peer);
    }

    public int availability(int piece) {
        return availability[piece];
    }

    // --- requests ----------------------------------------------------------------------------

    /**
     * Up to {@code max} blocks to ask {@code peer} for, among the pieces it has; records that it
     * was asked. Empty when it has nothing we still need.
     */
    public List<Block> pick(P peer, IntPredicate peerHas, int max) {
        List<Block> picked = new ArrayList<>(max);
        fromPiecesInProgress(peer, peerHas, max, picked);
        while (picked.size() < max) {
            int piece = choosePieceToStart(peerHas);
            if (piece < 0) {
                break;
            }
            PartialPiece<P> started = new PartialPiece<>(piece, pieceSize(piece));
            partial.put(piece, started);
            inProgress.set(piece);
            takeFree(started, peer, max, picked);
        }
        if (picked.size() < max && nothingLeftToStart()) {
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
        for (PartialPiece<P> piece : partial.values()) {
            for (int i = 0; i < piece.blockCount(); i++) {
                piece.release(i, peer);
            }
        }
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

    /** End game: every block still missing has been asked for. */
    public boolean inEndGame() {
        return nothingLeftToStart() && partial.values().stream().allMatch(PartialPiece::fullyRequested);
    }

    // --- choosing --------------------------------------------------------------------------

    private void fromPiecesInProgress(P peer, IntPredicate peerHas, int max, List<Block> picked) {
        for (PartialPiece<P> piece : partial.values()) {
            if (picked.size() >= max) {
                return;
            }
            if (peerHas.test(piece.piece) && !piece.fullyRequested()) {
                takeFree(piece, peer, max, picked);
            }
        }
    }

    private void takeFree(PartialPiece<P> piece, P peer, int max, List<Block> picked) {
        for (int i = 0; i < piece.blockCount() && picked.size() < max; i++) {
            if (!piece.isReceived(i) && piece.requestersOf(i).isEmpty()) {
                piece.request(i, peer);
                picked.add(piece.block(i));
            }
        }
    }

    /**
     * The next piece to start for a peer that has {@code peerHas}, or -1. One pass from a random
     * offset, keeping the first best piece met: ties go to whichever comes first after the offset,
     * which spreads peers over the pieces as a random draw would, for one random number per piece
     * started instead of one per tied piece.
     */
    private int choosePieceToStart(IntPredicate peerHas) {
        if (pieceCount == 0) {
            return -1;
        }
        boolean randomFirst = have.cardinality() < RANDOM_FIRST_PIECES;
        int offset = random.nextInt(pieceCount);
        int best = -1;
        for (int i = 0; i < pieceCount; i++) {
            int piece = offset + i < pieceCount ? offset + i : offset + i - pieceCount;
            if (have.get(piece) || inProgress.get(piece) || priority[piece] == Priority.SKIP
                    || !peerHas.test(piece)) {
                continue;
            }
            if (best < 0 || compare(piece, best, randomFirst) < 0) {
                best = piece;
            }
        }
        return best;
    }

    /** Negative when {@code a} should be started before {@code b}. */
    private int compare(int a, int b, boolean randomFirst) {
        int byPriority = priority[b].compareTo(priority[a]);
        if (byPriority != 0 || randomFirst) {
            return byPriority;
        }
        return Integer.compare(availability[a], availability[b]);
    }

    private boolean nothingLeftToStart() {
        for (int piece = have.nextClearBit(0); piece < pieceCount; piece = have.nextClearBit(piece + 1)) {
            if (priority[piece] != Priority.SKIP && !inProgress.get(piece)) {
                return false;
            }
        }
        return true;
    }

    /** Asks {@code peer} for blocks already asked of others, least-asked first. */
    private void endGame(P peer, IntPredicate peerHas, int max, List<Block> picked) {
        for (int requesters = 1; requesters < MAX_END_GAME_REQUESTERS && picked.size() < max; requesters++) {
            for (PartialPiece<P> piece : partial.values()) {
                if (!peerHas.test(piece.piece)) {
                    continue;
                }
                for (int i = 0; i < piece.blockCount() && picked.size() < max; i++) {
                    List<P> asked = piece.requestersOf(i);
                    if (!piece.isReceived(i) && asked.size() == requesters && !asked.contains(peer)) {
                        piece.request(i, peer);
                        picked.add(piece.block(i));
                    }
                }
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
        for (int piece = 0; piece < pieceCount; piece++) {
            if (availability[piece] < 0) {
                throw new IllegalStateException("negative availability of piece " + piece);
            }
        }
    }
}
