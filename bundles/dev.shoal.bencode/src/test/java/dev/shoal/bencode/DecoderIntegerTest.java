package dev.shoal.bencode;

import static dev.shoal.bencode.Bencode.rejectedAt;
import static dev.shoal.bencode.Bencode.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Integers must be canonical: one way to write each number, and it must fit in 64 bits. */
class DecoderIntegerTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "i0e, 0",
        "i1e, 1",
        "i-1e, -1",
        "i42e, 42",
        "i10e, 10",
        "i100e, 100",
        "i-100e, -100",
        "i1700000000e, 1700000000",
        "i9223372036854775807e, 9223372036854775807",
        "i-9223372036854775808e, -9223372036854775808",
    })
    void acceptsCanonicalIntegers(String input, long expected) throws BencodeException {
        BValue value = value(input);
        assertEquals(expected, assertInstanceOf(BInteger.class, value).value());
    }

    @Test
    void acceptsTheExtremesOfLong() throws BencodeException {
        assertEquals(BInteger.of(Long.MAX_VALUE), value("i" + Long.MAX_VALUE + "e"));
        assertEquals(BInteger.of(Long.MIN_VALUE), value("i" + Long.MIN_VALUE + "e"));
    }

    @Test
    void rejectsNegativeZero() {
        assertTrue(rejectedAt(1, "i-0e").getMessage().contains("negative zero"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"i03e", "i00e", "i-03e", "i-00e", "i0123456789e"})
    void rejectsLeadingZeros(String input) {
        assertTrue(rejectedAt(1, input).getMessage().contains("leading zero"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ie", "i-e"})
    void rejectsIntegersWithoutDigits(String input) {
        assertTrue(rejectedAt(1, input).getMessage().contains("no digits"));
    }

    @ParameterizedTest(name = "{0} fails at byte {1}")
    @CsvSource(delimiter = '|', value = {
        "i1.5e | 2",
        "i+1e  | 1",
        "i--1e | 2",
        "i1-e  | 2",
        "i1e5e | 3",  // a valid integer followed by trailing bytes
        "i0x1e | 2",
        "i1Ee  | 2",
        "iabce | 1",
    })
    void rejectsNonDigits(String input, long offset) {
        rejectedAt(offset, input);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i 1e", "i1 e", "i\t1e", "i1\ne"})
    void rejectsWhitespace(String input) {
        Bencode.rejected(input);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i9223372036854775808e",      // Long.MAX_VALUE + 1
        "i-9223372036854775809e",     // Long.MIN_VALUE - 1
        "i10000000000000000000e",
        "i18446744073709551616e",     // 2^64
        "i-18446744073709551616e",
        "i99999999999999999999999999999999999999e",
    })
    void rejectsIntegersBeyond64Bits(String input) {
        assertTrue(rejectedAt(1, input).getMessage().contains("64 bits"));
    }

    @Test
    void rejectsAnOverflowEvenWhenItIsAlsoTruncated() {
        // The overflow is found before the missing 'e'.
        rejectedAt(1, "i99999999999999999999");
    }

    @ParameterizedTest(name = "{0} ends at byte {1}")
    @CsvSource({"i, 1", "i-, 2", "i12, 3", "i-12, 4"})
    void rejectsUnterminatedIntegers(String input, long offset) {
        assertTrue(rejectedAt(offset, input).getMessage().contains("input ends"));
    }
}
