package dev.shoal.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.storage.api.PieceSet;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The verified pieces' snapshots, kept a bit at a time, say what a fresh bitfield of them would. */
class VerifiedPiecesTest {

    @Test
    void eachSnapshotIsTheBitfieldOfThePiecesAtThatMomentAndStaysSo() {
        int pieceCount = 1_003; // spare bits in the last byte
        VerifiedPieces pieces = new VerifiedPieces(pieceCount);
        BitSet expected = new BitSet();
        SplittableRandom random = new SplittableRandom(7);
        PieceSet earlier = pieces.snapshot();
        for (int round = 0; round < 5_000; round++) {
            int piece = random.nextInt(pieceCount);
            boolean verified = random.nextInt(4) != 0;
            pieces.set(piece, verified);
            expected.set(piece, verified);
            assertEquals(PieceSet.of(expected, pieceCount), pieces.snapshot(), "after round " + round);
            assertEquals(verified, pieces.has(piece));
        }
        assertEquals(0, earlier.count(), "an earlier snapshot does not change");
        pieces.set(pieceCount - 1, true);
        PieceSet withLast = pieces.snapshot();
        pieces.set(pieceCount - 1, false);
        assertTrue(withLast.has(pieceCount - 1));
        assertFalse(pieces.snapshot().has(pieceCount - 1));
    }

    @Test
    void aReplacementIsWhatLaterChangesBuildOn() {
        int pieceCount = 20;
        VerifiedPieces pieces = new VerifiedPieces(pieceCount);
        pieces.set(3, true);
        BitSet checked = new BitSet();
        checked.set(0);
        checked.set(19);
        pieces.replace(PieceSet.of(checked, pieceCount));
        assertFalse(pieces.has(3));
        pieces.set(5, true);
        checked.set(5);
        assertEquals(PieceSet.of(checked, pieceCount), pieces.snapshot());
    }
}
