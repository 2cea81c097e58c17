package dev.shoal.bencode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Coverage-guided fuzzing of the decoder (Jazzer). Nothing but {@link BencodeException} may come
 * out of it, under the default limits or small ones; whatever it accepts must re-encode to the
 * same number of bytes (only key order may change) and decode again to an equal value.
 *
 * <p>A plain test run replays the seeds in {@code BencodeDecoderFuzzTestInputs/fuzzDecode}
 * (regression mode). With {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}; the module's
 * pom does that in its {@code fuzz} surefire execution.
 */
class BencodeDecoderFuzzTest {

    private static final BencodeDecoder DEFAULT = new BencodeDecoder();

    /** Small enough for the fuzzer to hit every limit. */
    private static final BencodeDecoder SMALL = new BencodeDecoder(new DecoderLimits(512, 4, 16, 32));

    @FuzzTest(maxDuration = "20s")
    void fuzzDecode(byte[] input) {
        BValue byDefault = checkedDecode(DEFAULT, input);
        BValue bySmall = checkedDecode(SMALL, input);
        if (bySmall != null) {
            // Tighter limits can only reject more, never read differently.
            assertEquals(bySmall, byDefault);
        }
    }

    /** Decodes and checks the result; null when the input was (cleanly) rejected. */
    private static BValue checkedDecode(BencodeDecoder decoder, byte[] input) {
        Decoded decoded;
        try {
            decoded = decoder.decode(input);
        } catch (BencodeException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= input.length, e::getMessage);
            return null;
        }
        BValue value = decoded.value();
        assertArrayEquals(input, value.rawBytes());

        byte[] encoded = BencodeEncoder.encode(value);
        assertEquals(input.length, encoded.length, "re-encoding may only reorder keys");
        if (decoded.warnings().isEmpty()) {
            assertArrayEquals(input, encoded, "input without warnings is canonical");
        }
        Decoded again;
        try {
            again = decoder.decode(encoded);
        } catch (BencodeException e) {
            throw new AssertionError("re-encoded value rejected: " + e.getMessage(), e);
        }
        assertEquals(value, again.value());
        assertEquals(value.hashCode(), again.value().hashCode());
        assertEquals(List.of(), again.warnings());
        Bencode.assertSpans(input, value);
        return value;
    }

}
