package dev.shoal.storage.api;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * An immutable set of piece indexes, such as the verified pieces: a snapshot, never a live view.
 *
 * @param pieceCount how many pieces the torrent has
 * @param bitfield   the BitTorrent bitfield: piece 0 is the high bit of byte 0; spare bits at the
 *                   end are zero (copied in and out)
 */
public record PieceSet(int pieceCount, byte[] bitfield) {

    public PieceSet {
        if (pieceCount < 0) {
            throw new IllegalArgumentException("pieceCount must not be negative: " + pieceCount);
        }
        Objects.requireNonNull(bitfield, "bitfield");
        if (bitfield.length != byteLength(pieceCount)) {
            throw new IllegalArgumentException("a bitfield of " + pieceCount + " pieces has "
                    + byteLength(pieceCount) + " bytes, not " + bitfield.length);
        }
        int spare = bitfield.length * 8 - pieceCount;
        if (spare > 0 && (bitfield[bitfield.length - 1] & ((1 << spare) - 1)) != 0) {
            throw new IllegalArgumentException("a bitfield's spare bits must be zero");
        }
        bitfield = bitfield.clone();
    }

    /** No pieces of {@code pieceCount}. */
    public static PieceSet empty(int pieceCount) {
        return new PieceSet(pieceCount, new byte[byteLength(pieceCount)]);
    }

    /** The set bits of {@code bits} below {@code pieceCount}. */
    public static PieceSet of(BitSet bits, int pieceCount) {
        byte[] bytes = new byte[byteLength(pieceCount)];
        for (int i = bits.nextSetBit(0); i >= 0 && i < pieceCount; i = bits.nextSetBit(i + 1)) {
            bytes[i >>> 3] |= (byte) (0x80 >>> (i & 7));
        }
        return new PieceSet(pieceCount, bytes);
    }

    public boolean has(int piece) {
        Objects.checkIndex(piece, pieceCount);
        return (bitfield[piece >>> 3] & (0x80 >>> (piece & 7))) != 0;
    }

    /** How many pieces are in the set. */
    public int count() {
        int count = 0;
        for (byte b : bitfield) {
            count += Integer.bitCount(b & 0xff);
        }
        return count;
    }

    public boolean isComplete() {
        return count() == pieceCount;
    }

    /** The bitfield as sent in a BitTorrent 'bitfield' message. */
    public byte[] toBytes() {
        return bitfield.clone();
    }

    @Override
    public byte[] bitfield() {
        return bitfield.clone();
    }

    /** The set as a mutable BitSet (bit i = piece i). */
    public BitSet toBitSet() {
        BitSet bits = new BitSet(pieceCount);
        for (int i = 0; i < pieceCount; i++) {
            if (has(i)) {
                bits.set(i);
            }
        }
        return bits;
    }

    public static int byteLength(int pieceCount) {
        return (pieceCount + 7) >>> 3;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PieceSet other && pieceCount == other.pieceCount
                && Arrays.equals(bitfield, other.bitfield);
    }

    @Override
    public int hashCode() {
        return pieceCount * 31 + Arrays.hashCode(bitfield);
    }

    @Override
    public String toString() {
        return "PieceSet[" + count() + "/" + pieceCount + "]";
    }
}
