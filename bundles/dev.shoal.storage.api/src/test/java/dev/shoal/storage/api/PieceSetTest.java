package dev.shoal.storage.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class PieceSetTest {

    @Test
    void piece_zero_is_the_high_bit_of_the_first_byte() {
        BitSet bits = new BitSet();
        bits.set(0);
        bits.set(9);
        PieceSet set = PieceSet.of(bits, 10);
        assertArrayEquals(new byte[] {(byte) 0x80, 0x40}, set.toBytes());
        assertTrue(set.has(0));
        assertTrue(set.has(9));
        assertFalse(set.has(1));
        assertEquals(2, set.count());
        assertEquals(bits, set.toBitSet());
    }

    @Test
    void bits_past_the_piece_count_are_ignored_and_spare_bits_must_be_zero() {
        BitSet bits = new BitSet();
        bits.set(12);
        assertEquals(0, PieceSet.of(bits, 10).count());
        assertThrows(IllegalArgumentException.class, () -> new PieceSet(10, new byte[] {0, 0x01}));
        assertThrows(IllegalArgumentException.class, () -> new PieceSet(10, new byte[1]));
    }

    @Test
    void is_immutable_and_compared_by_content() {
        byte[] bytes = {(byte) 0xff};
        PieceSet set = new PieceSet(8, bytes);
        bytes[0] = 0;
        set.toBytes()[0] = 0;
        assertTrue(set.isComplete());
        assertEquals(new PieceSet(8, new byte[] {(byte) 0xff}), set);
        assertNotEquals(PieceSet.empty(8), set);
        assertThrows(IndexOutOfBoundsException.class, () -> set.has(8));
    }

    @Test
    void an_empty_torrent_has_an_empty_bitfield() {
        assertEquals(0, PieceSet.empty(0).toBytes().length);
        assertTrue(PieceSet.empty(0).isComplete());
    }
}
