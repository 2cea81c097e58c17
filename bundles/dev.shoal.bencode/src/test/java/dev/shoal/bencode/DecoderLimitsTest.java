package dev.shoal.bencode;

import static dev.shoal.bencode.Bencode.bytes;
import static dev.shoal.bencode.Bencode.rejectedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile input must end in a BencodeException, never in a StackOverflowError or an OutOfMemoryError. */
class DecoderLimitsTest {

    private static BencodeDecoder decoder(int maxInputBytes, int maxDepth, int maxStringBytes, int maxValues) {
        return new BencodeDecoder(new DecoderLimits(maxInputBytes, maxDepth, maxStringBytes, maxValues));
    }

    private static String nestedLists(int depth) {
        return "l".repeat(depth) + "e".repeat(depth);
    }

    @Test
    void tenThousandNestedListsFailCleanlyAtTheDefaultDepth() {
        BencodeException e = rejectedAt(DecoderLimits.DEFAULT.maxDepth(), nestedLists(10_000));
        assertTrue(e.getMessage().contains("nesting deeper than 256"), e.getMessage());
    }

    @Test
    void tenThousandNestedListsFailCleanlyAtTheDepthCeiling() {
        BencodeDecoder decoder = decoder(1 << 20, DecoderLimits.DEPTH_CEILING, 1 << 20, 1 << 20);
        rejectedAt(decoder, DecoderLimits.DEPTH_CEILING, nestedLists(10_000));
    }

    @Test
    void tenThousandNestedDictionariesFailCleanly() {
        String input = "d1:a".repeat(10_000) + "i0e" + "e".repeat(10_000);
        rejectedAt(4 * DecoderLimits.DEFAULT.maxDepth(), input);
    }

    @Test
    void depthCeilingIsReachable() throws BencodeException {
        BencodeDecoder decoder = decoder(1 << 20, DecoderLimits.DEPTH_CEILING, 1 << 20, 1 << 20);
        decoder.decode(bytes(nestedLists(DecoderLimits.DEPTH_CEILING)));
        rejectedAt(decoder, DecoderLimits.DEPTH_CEILING, nestedLists(DecoderLimits.DEPTH_CEILING + 1));
    }

    @Test
    void defaultDepthIsReachable() throws BencodeException {
        Bencode.DEFAULT.decode(bytes(nestedLists(256)));
        rejectedAt(256, nestedLists(257));
    }

    @Test
    void maxDepthCountsListsAndDictionaries() throws BencodeException {
        BencodeDecoder decoder = decoder(1000, 3, 1000, 1000);
        decoder.decode(bytes("llleee"));
        decoder.decode(bytes("ld1:aleee"));
        rejectedAt(decoder, 3, "lllleeee");
        rejectedAt(decoder, 6, "ld1:alleeee");
    }

    @Test
    void scalarsDoNotCountTowardsDepth() throws BencodeException {
        BencodeDecoder decoder = decoder(1000, 1, 1000, 1000);
        decoder.decode(bytes("li1e1:ae"));
        decoder.decode(bytes("d1:ai1ee"));
        rejectedAt(decoder, 1, "llee");
        rejectedAt(decoder, 4, "d1:adee");
    }

    @ParameterizedTest(name = "maxValues {0} on {1}")
    @CsvSource(delimiter = '|', value = {
        // list + three integers = 4 values
        "4 | li1ei2ei3ee      | -1",
        "3 | li1ei2ei3ee      | 7",
        "1 | li1ee            | 1",
        "1 | i1e              | -1",
        // dictionary + key + value = 3 values
        "3 | d1:ai1ee         | -1",
        "2 | d1:ai1ee         | 4",
        // dictionary + 2 keys + 2 values = 5
        "5 | d1:ai1e1:bi2ee   | -1",
        "4 | d1:ai1e1:bi2ee   | 10",
    })
    void maxValuesCountsEveryValueAndKey(int maxValues, String input, long offset) throws BencodeException {
        BencodeDecoder decoder = decoder(1000, 10, 1000, maxValues);
        if (offset < 0) {
            decoder.decode(bytes(input));
        } else {
            assertTrue(rejectedAt(decoder, offset, input).getMessage().contains("more than " + maxValues + " values"));
        }
    }

    @Test
    void maxValuesBoundsAWideFlatList() {
        // A million empty lists (two bytes each) inside one list: small input, too many values.
        String input = "l" + "le".repeat(1_000_000) + "e";
        BencodeDecoder decoder = decoder(4 << 20, 8, 1 << 20, 100_000);
        rejectedAt(decoder, 1 + 2 * (100_000 - 1), input);
    }

    @Test
    void maxInputBytesIsInclusive() throws BencodeException {
        BencodeDecoder decoder = decoder(10, 8, 100, 100);
        decoder.decode(bytes("8:abcdefgh"));
        BencodeException e = rejectedAt(decoder, 0, "9:abcdefghi");
        assertTrue(e.getMessage().contains("exceeds the limit of 10"), e.getMessage());
    }

    @Test
    void maxInputBytesIsCheckedBeforeAnything() {
        // Garbage too: the size check comes first, at offset 0.
        rejectedAt(decoder(4, 8, 100, 100), 0, "xxxxx");
    }

    @Test
    void limitsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new DecoderLimits(0, 8, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new DecoderLimits(10, 0, 10, 10));
        assertThrows(IllegalArgumentException.class,
                () -> new DecoderLimits(10, DecoderLimits.DEPTH_CEILING + 1, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new DecoderLimits(10, 8, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> new DecoderLimits(10, 8, 10, 0));
        assertEquals(0, new DecoderLimits(1, 1, 0, 1).maxStringBytes());
    }

    @Test
    void defaultsFitLargeTorrents() {
        DecoderLimits d = DecoderLimits.DEFAULT;
        assertEquals(64 << 20, d.maxInputBytes());
        assertEquals(256, d.maxDepth());
        assertEquals(64 << 20, d.maxStringBytes());
        assertEquals(4_000_000, d.maxValues());
    }
}
