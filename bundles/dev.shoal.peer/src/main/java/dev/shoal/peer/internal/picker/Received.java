package dev.shoal.peer.internal.picker;

import java.util.List;

/**
 * What a received block meant.
 *
 * @param outcome  whether the block was new, and whether it completed its piece
 * @param cancelAt peers that were also asked for this block (end game) and should be sent a cancel
 */
public record Received<P>(Outcome outcome, List<P> cancelAt) {

    public enum Outcome {
        /** Nobody asked for it: not a block of a piece in progress, or not aligned to one. */
        UNEXPECTED,
        /** Already received from someone else (end game); drop it. */
        DUPLICATE,
        /** Stored; the piece still misses blocks. */
        ACCEPTED,
        /** The last missing block: the piece can be verified now. */
        PIECE_COMPLETE
    }

    public Received {
        cancelAt = List.copyOf(cancelAt);
    }
}
