package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.Piece;
import java.nio.ByteBuffer;

/**
 * A piece message whose header is read and whose block is still arriving, over as many socket reads
 * as it takes: the bytes go from each read straight into the block's own array, rather than piling
 * up in the decoder's accumulation buffer to be copied out of it once the frame is whole (a 16 KiB
 * block straddles nearly every read, so that was a second copy of almost every byte). Holds at most
 * the limits' block length, as the accumulated frame did. Started by {@link Frames#startPiece}.
 */
public final class BlockInProgress {

    private final int piece;
    private final int begin;
    private final byte[] block;
    private int filled;

    BlockInProgress(int piece, int begin, int length) {
        this.piece = piece;
        this.begin = begin;
        this.block = new byte[length];
    }

    /**
     * Takes what {@code in} has of the block, never past its end; the whole piece once its last byte
     * came, else null.
     */
    public Piece fill(ByteBuffer in) {
        int take = Math.min(in.remaining(), block.length - filled);
        in.get(block, filled, take);
        filled += take;
        return filled == block.length ? new Piece(piece, begin, block) : null;
    }
}
