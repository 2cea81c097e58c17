package dev.shoal.bencode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.bencode.BencodeArbitraries.Document;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Round trips over generated trees and generated bencode text (jqwik). */
class BencodeRoundTripPropertyTest {

    private static final BencodeDecoder DECODER = Bencode.DEFAULT;

    @Provide
    Arbitrary<BValue> values() {
        return BencodeArbitraries.values();
    }

    @Provide
    Arbitrary<Document> documents() {
        return BencodeArbitraries.documents();
    }

    // ---- value → bytes → value -----------------------------------------------------------------

    @Property(tries = 1000)
    void encodeThenDecodeGivesAnEqualValue(@ForAll("values") BValue value) throws BencodeException {
        Decoded decoded = DECODER.decode(BencodeEncoder.encode(value));
        assertEquals(value, decoded.value());
        assertEquals(value.hashCode(), decoded.value().hashCode());
        assertEquals(List.of(), decoded.warnings(), "the encoder writes sorted keys");
    }

    @Property(tries = 500)
    void decodedRawBytesAreTheEncoding(@ForAll("values") BValue value) throws BencodeException {
        byte[] encoded = BencodeEncoder.encode(value);
        BValue decoded = DECODER.decode(encoded).value();
        assertArrayEquals(encoded, decoded.rawBytes());
        assertArrayEquals(encoded, value.rawBytes(), "a built value's raw bytes are its encoding");
        assertArrayEquals(encoded, BencodeEncoder.encode(decoded));
    }

    // ---- bytes → value → bytes -----------------------------------------------------------------

    @Property(tries = 1000)
    void canonicalInputSurvivesDecodeAndEncode(@ForAll("documents") Document document) throws BencodeException {
        byte[] input = document.canonicalBytes();
        Decoded decoded = DECODER.decode(input);
        assertEquals(List.of(), decoded.warnings());
        assertArrayEquals(input, BencodeEncoder.encode(decoded.value()));
        assertArrayEquals(input, decoded.value().rawBytes());
    }

    @Property(tries = 500)
    void unsortedKeysDecodeToTheCanonicalValueWithOneWarningPerDictionary(
            @ForAll("documents") Document document) throws BencodeException {
        Decoded loose = DECODER.decode(document.looseBytes());
        Decoded canonical = DECODER.decode(document.canonicalBytes());
        assertEquals(canonical.value(), loose.value());
        assertEquals(document.unsortedDictionaries(), loose.warnings().size(), () -> loose.warnings().toString());
        assertArrayEquals(document.canonicalBytes(), BencodeEncoder.encode(loose.value()));
        assertArrayEquals(document.looseBytes(), loose.value().rawBytes());
        for (BencodeWarning w : loose.warnings()) {
            assertTrue(w.offset() > 0 && w.offset() < document.loose().length(), w::toString);
        }
    }

    @Property(tries = 300)
    void everyNestedValueSpansItsOwnSourceBytes(@ForAll("documents") Document document) throws BencodeException {
        byte[] input = document.looseBytes();
        Bencode.assertSpans(input, DECODER.decode(input).value());
    }


    // ---- malformed input -----------------------------------------------------------------------

    @Property(tries = 200)
    void everyProperPrefixIsRejected(@ForAll("documents") Document document) {
        byte[] input = document.looseBytes();
        for (int length = 0; length < input.length; length++) {
            byte[] prefix = Arrays.copyOf(input, length);
            BencodeException e = assertThrows(BencodeException.class, () -> DECODER.decode(prefix));
            assertTrue(e.offset() >= 0 && e.offset() <= length, e::getMessage);
        }
    }

    @Property(tries = 300)
    void trailingBytesAreRejectedWhereTheValueEnds(@ForAll("documents") Document document,
            @ForAll @Size(min = 1, max = 8) byte[] trailing) {
        byte[] valid = document.canonicalBytes();
        byte[] input = Arrays.copyOf(valid, valid.length + trailing.length);
        System.arraycopy(trailing, 0, input, valid.length, trailing.length);
        BencodeException e = assertThrows(BencodeException.class, () -> DECODER.decode(input));
        assertEquals(valid.length, e.offset());
    }

    @Property(tries = 500)
    void limitsAcceptExactlyTheDocumentsWithinThem(@ForAll("documents") Document document,
            @ForAll @IntRange(min = 1, max = 6) int maxDepth,
            @ForAll @IntRange(min = 0, max = 24) int maxStringBytes,
            @ForAll @IntRange(min = 1, max = 40) int maxValues,
            @ForAll @IntRange(min = 0, max = 8) int slack) {
        byte[] input = document.looseBytes();
        int maxInputBytes = Math.max(1, input.length - 4 + slack);
        DecoderLimits limits = new DecoderLimits(maxInputBytes, maxDepth, maxStringBytes, maxValues);
        boolean within = input.length <= maxInputBytes
                && document.depth() <= maxDepth
                && document.longestString() <= maxStringBytes
                && document.values() <= maxValues;
        try {
            Decoded decoded = new BencodeDecoder(limits).decode(input);
            assertTrue(within, () -> "accepted beyond " + limits + ": " + document);
            assertEquals(DECODER.decode(input).value(), decoded.value());
        } catch (BencodeException e) {
            assertTrue(!within, () -> "rejected within " + limits + ": " + e.getMessage() + " " + document);
        }
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                Arbitraries.strings().withChars("ilde0123456789:-").ofMaxLength(64).map(Bencode::bytes));
    }

    @Property(tries = 1000)
    void arbitraryBytesEitherFailCleanlyOrRoundTrip(@ForAll("noise") byte[] input) {
        try {
            BValue value = DECODER.decode(input).value();
            assertEquals(value, DECODER.decode(BencodeEncoder.encode(value)).value());
        } catch (BencodeException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= input.length, e::getMessage);
        }
    }
}
