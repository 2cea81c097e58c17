package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.Piece;
import java.nio.ByteBuffer;

/**
 * A piece message whose header is read and whose block is still arriving, over as many socket reads
 * as it takes: the bytes go from each read straight into the block's buffer (from the swarm's
 * {@link BlockPool}), rather than piling up in the decoder's accumulation buffer to be copied out of
 * it once the frame is whole (a 16 KiB block straddles nearly every read, so that was a second copy
 * of almost every byte). Holds at most the limits' block length, as the accumulated frame did.
 * Started by {@link Frames#startPiece}.
 */
public final class BlockInProgress {

    private final int piece;
    private final int begin;
    private final BlockPool.Lease block;

    BlockInProgress(int piece, int begin, BlockPool.Lease block) {
        this.piece = piece;
        this.begin = begin;
        this.block = block;
    }

    /**
     * Takes what {@code in} has of the block, never past its end; the whole piece once its last byte
     * came, else null.
     */
    public Piece fill(ByteBuffer in) {
        ByteBuffer buffer = block.buffer();
        int take = Math.min(in.remaining(), buffer.remaining());
        buffer.put(in.duplicate().limit(in.position() + take));
        in.position(in.position() + take);
        return buffer.hasRemaining() ? null : new Piece(piece, begin, buffer.flip(), block);
    }

    /** Gives the buffer back: the connection closed before the block was all there. */
    public void abandon() {
        block.release();
    }
}
