package dev.shoal.peer.internal.wire;

import java.nio.ByteBuffer;

/**
 * A block of data: {@code length()} bytes of {@code piece} from offset {@code begin}.
 *
 * <p>Blocks are most of what crosses the wire, so the data is shared, not copied: the record keeps
 * a view of the buffer it is given, and whoever made it must not change the bytes afterwards.
 *
 * @param data the block's bytes, from its position to its limit
 */
public record Piece(int piece, int begin, ByteBuffer data) implements PeerMessage {

    public Piece {
        Checks.nonNegative("piece index", piece);
        Checks.nonNegative("begin", begin);
        data = data.slice();
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

    @Override
    public String toString() {
        return "Piece[piece=" + piece + ", begin=" + begin + ", " + length() + " bytes]";
    }
}
