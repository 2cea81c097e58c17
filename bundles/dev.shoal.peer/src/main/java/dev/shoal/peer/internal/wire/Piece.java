package dev.shoal.peer.internal.wire;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A block of data: {@code length()} bytes of {@code piece} from offset {@code begin}.
 *
 * <p>Blocks are most of what crosses the wire, so the data is shared, not copied: the record keeps
 * a view of the buffer it is given, and whoever made it must not change the bytes afterwards.
 *
 * <p>A received block's buffer may be lent by a pool ({@code BlockPool}): whoever ends the block's
 * life, by handing it to the storage or by dropping it as a duplicate, releases it through
 * {@link #release()} once its bytes are no longer read. The lease is not part of the message: two
 * pieces with the same bytes are equal whoever lent them.
 *
 * @param data  the block's bytes, from its position to its limit
 * @param lease who takes the buffer back; {@link BlockLease#NONE} for bytes of the block's own
 */
public record Piece(int piece, int begin, ByteBuffer data, BlockLease lease) implements PeerMessage {

    public Piece {
        Checks.nonNegative("piece index", piece);
        Checks.nonNegative("begin", begin);
        data = data.slice();
        Objects.requireNonNull(lease, "lease");
    }

    /** A block over {@code data}'s bytes, which are its own (nothing to release). */
    public Piece(int piece, int begin, ByteBuffer data) {
        this(piece, begin, data, BlockLease.NONE);
    }

    /** A block over {@code block}, which is not copied. */
    public Piece(int piece, int begin, byte[] block) {
        this(piece, begin, ByteBuffer.wrap(block));
    }

    /** A read-only view of the bytes, with its own position (reading it does not consume them). */
    @Override
    public ByteBuffer data() {
        return data.asReadOnlyBuffer();
    }

    /**
     * The bytes for the storage, which owns them until its write completes. Not read-only, because a
     * read-only heap buffer hides its array: SHA-1 would then copy the block 4 KiB at a time into an
     * array of its own before hashing it. Nobody writes through it.
     */
    public ByteBuffer toStore() {
        return data.duplicate();
    }

    /** A copy of the bytes. */
    public byte[] block() {
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return copy;
    }

    public int length() {
        return data.remaining();
    }

    /** Gives the block's buffer back to its pool, once; the block must not be read afterwards. */
    public void release() {
        lease.release();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Piece that && piece == that.piece && begin == that.begin && data.equals(that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(piece, begin, data);
    }

    @Override
    public String toString() {
        return "Piece[piece=" + piece + ", begin=" + begin + ", " + length() + " bytes]";
    }
}
