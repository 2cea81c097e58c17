package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.BlockLease;
import dev.shoal.peer.internal.wire.MessageId;
import dev.shoal.peer.internal.wire.Piece;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A block we upload, in a buffer lent by a {@link BlockPool} with room for its piece message's header
 * in front: the storage reads the block straight into {@link #block()}, the encoder writes the
 * 13-byte header before it ({@link #encode}) and hands the whole buffer to MINA. The block crosses no
 * copy of ours from the file to the socket, and MSE's RC4 may cipher it in place, the buffer being
 * this one message's alone. As the {@link Piece}'s lease it goes back to its pool once MINA has
 * written the message or dropped it with its connection.
 */
public final class PieceFrame implements BlockLease {

    /** Length prefix, message id, piece index, begin. */
    public static final int HEADER = Frames.LENGTH_PREFIX + 1 + 8;
    /** Free frames a pool keeps: 8 peers' worth of blocks in flight. */
    static final int POOLED = 256;

    private final BlockPool.Lease lease;
    private final ByteBuffer frame;
    private final AtomicBoolean released = new AtomicBoolean();

    private PieceFrame(BlockPool.Lease lease) {
        this.lease = lease;
        this.frame = lease.buffer();
    }

    /**
     * A pool of direct frames for 16 KiB blocks: the file read and the socket write then need no
     * copy of the JDK's own either (it copies a heap buffer into a direct one for both). It keeps
     * {@value #POOLED} free ones at most (4 MiB), made as needed.
     */
    public static BlockPool pool() {
        return new BlockPool(POOLED, HEADER + 16 * 1024, true, false);
    }

    /**
     * A frame for a block of {@code length} bytes from {@code pool}, whose buffers must be
     * {@link #HEADER} bytes longer than a block.
     */
    public static PieceFrame take(BlockPool pool, int length) {
        return new PieceFrame(pool.take(HEADER + length));
    }

    /** Where the block's bytes go: the frame after the header (a view; its own position). */
    public ByteBuffer block() {
        return frame.slice(HEADER, frame.limit() - HEADER);
    }

    /**
     * The whole message for {@code piece}, whose bytes are this frame's {@link #block()}: the header
     * written in front of them, position 0, limit the frame's end.
     */
    public ByteBuffer encode(Piece piece) {
        if (piece.length() != frame.limit() - HEADER) {
            throw new IllegalArgumentException(piece + " is not the block of a frame of " + frame.limit() + " bytes");
        }
        frame.putInt(0, 1 + 8 + piece.length()).put(Frames.LENGTH_PREFIX, (byte) MessageId.PIECE)
                .putInt(Frames.LENGTH_PREFIX + 1, piece.piece()).putInt(Frames.LENGTH_PREFIX + 5, piece.begin());
        return frame.duplicate().position(0);
    }

    /**
     * Gives the frame back, once: the write's end and the connection's end may both report it (MINA
     * completes no future for the write it was in the middle of when the connection closed, so the
     * close releases that one), and whichever comes first gives it back.
     */
    @Override
    public void release() {
        if (released.compareAndSet(false, true)) {
            lease.release();
        }
    }
}
