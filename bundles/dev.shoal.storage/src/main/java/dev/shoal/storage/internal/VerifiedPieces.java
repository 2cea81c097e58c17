package dev.shoal.storage.internal;

import dev.shoal.storage.api.PieceSet;
import java.util.BitSet;

/**
 * The pieces known to match their hashes. The disk thread changes them; any thread may read the
 * {@link #snapshot()}, an immutable set published after every change, so readers need no lock.
 * The bitfield is kept up to date a bit at a time, so a change costs a copy of it (a byte per
 * eight pieces) rather than a walk over every piece verified so far: per piece, that walk made a
 * download's verifying quadratic in its piece count (a tenth of a 1 GiB download's CPU samples).
 */
final class VerifiedPieces {

    private final int pieceCount;
    private final BitSet bits;
    /** The BitTorrent bitfield of {@link #bits}: piece 0 is the high bit of byte 0. */
    private final byte[] bitfield;
    private volatile PieceSet snapshot;

    VerifiedPieces(int pieceCount) {
        this.pieceCount = pieceCount;
        this.bits = new BitSet(pieceCount);
        this.bitfield = PieceSet.empty(pieceCount).bitfield();
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
        int mask = 0x80 >>> (piece & 7);
        bitfield[piece >>> 3] = (byte) (verified ? bitfield[piece >>> 3] | mask : bitfield[piece >>> 3] & ~mask);
        snapshot = new PieceSet(pieceCount, bitfield);
    }

    /** Disk thread only: what a check found replaces everything known. */
    void replace(PieceSet pieces) {
        bits.clear();
        bits.or(pieces.toBitSet());
        byte[] replaced = pieces.bitfield();
        System.arraycopy(replaced, 0, bitfield, 0, bitfield.length);
        snapshot = pieces;
    }
}
