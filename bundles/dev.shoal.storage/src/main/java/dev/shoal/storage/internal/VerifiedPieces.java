package dev.shoal.storage.internal;

import dev.shoal.storage.api.PieceSet;
import java.util.BitSet;

/**
 * The pieces known to match their hashes. The disk thread changes them; any thread may read the
 * {@link #snapshot()}, an immutable set published after every change, so readers need no lock.
 */
final class VerifiedPieces {

    private final int pieceCount;
    private final BitSet bits;
    private volatile PieceSet snapshot;

    VerifiedPieces(int pieceCount) {
        this.pieceCount = pieceCount;
        this.bits = new BitSet(pieceCount);
        this.snapshot = PieceSet.empty(pieceCount);
    }

    /** Any thread: the pieces verified when it was last changed. */
    PieceSet snapshot() {
        return snapshot;
    }

    /** Disk thread only: whether the piece is verified right now. */
    boolean has(int piece) {
        return bits.get(piece);
    }

    /** Disk thread only. */
    void set(int piece, boolean verified) {
        bits.set(piece, verified);
        snapshot = PieceSet.of(bits, pieceCount);
    }

    /** Disk thread only: what a check found replaces everything known. */
    void replace(PieceSet pieces) {
        bits.clear();
        bits.or(pieces.toBitSet());
        snapshot = pieces;
    }
}
