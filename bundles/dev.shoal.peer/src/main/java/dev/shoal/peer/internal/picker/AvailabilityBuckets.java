package dev.shoal.peer.internal.picker;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * How many peers have each piece, and the pieces still to fetch grouped by that count, so that the
 * rarest piece a peer can give is found in the rarest groups first instead of by a look at every
 * piece. A piece verified leaves its group for good (its count is still kept).
 */
final class AvailabilityBuckets {

    private final int[] count;
    /** Index: how many peers have the pieces in it; only pieces not verified. */
    private final List<BitSet> buckets = new ArrayList<>();
    /** Pieces not verified: those in a bucket. */
    private final BitSet present = new BitSet();

    AvailabilityBuckets(int pieceCount) {
        this.count = new int[pieceCount];
        present.set(0, pieceCount);
        bucket(0).set(0, pieceCount);
    }

    int of(int piece) {
        return count[piece];
    }

    void increment(int piece) {
        move(piece, count[piece] + 1);
    }

    void decrement(int piece) {
        if (count[piece] > 0) {
            move(piece, count[piece] - 1);
        }
    }

    /** The piece is verified: never a candidate again. */
    void remove(int piece) {
        if (present.get(piece)) {
            present.clear(piece);
            buckets.get(count[piece]).clear(piece);
        }
    }

    /**
     * The rarest piece that {@code eligible} accepts, or -1; among equally rare ones, the first from
     * {@code start} on (wrapping), which spreads peers over the pieces as a random draw would. Pieces
     * nobody is counted for come last: a caller asks for pieces some peer has.
     */
    int rarest(IntPredicate eligible, int start) {
        for (int level = 1; level < buckets.size(); level++) {
            int found = firstFrom(buckets.get(level), start, eligible);
            if (found >= 0) {
                return found;
            }
        }
        return firstFrom(buckets.get(0), start, eligible);
    }

    /** The first of {@code pieces} from {@code start} on (wrapping) that {@code eligible} accepts, or -1. */
    static int firstFrom(BitSet pieces, int start, IntPredicate eligible) {
        for (int piece = pieces.nextSetBit(start); piece >= 0; piece = pieces.nextSetBit(piece + 1)) {
            if (eligible.test(piece)) {
                return piece;
            }
        }
        for (int piece = pieces.nextSetBit(0); piece >= 0 && piece < start; piece = pieces.nextSetBit(piece + 1)) {
            if (eligible.test(piece)) {
                return piece;
            }
        }
        return -1;
    }

    private void move(int piece, int to) {
        if (present.get(piece)) {
            buckets.get(count[piece]).clear(piece);
            bucket(to).set(piece);
        }
        count[piece] = to;
    }

    private BitSet bucket(int level) {
        while (buckets.size() <= level) {
            buckets.add(new BitSet());
        }
        return buckets.get(level);
    }

    /** Throws when a piece is not in the bucket of its count, or in another. */
    void checkInvariant() {
        for (int piece = 0; piece < count.length; piece++) {
            for (int level = 0; level < buckets.size(); level++) {
                boolean in = buckets.get(level).get(piece);
                if (in != (present.get(piece) && level == count[piece])) {
                    throw new IllegalStateException("piece " + piece + " of availability " + count[piece]
                            + (in ? " is" : " is not") + " in bucket " + level);
                }
            }
        }
    }
}
