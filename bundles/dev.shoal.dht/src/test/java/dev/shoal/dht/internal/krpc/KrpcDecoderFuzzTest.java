package dev.shoal.dht.internal.krpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the KRPC decoder (Jazzer), as the bencode decoder's: nothing but
 * {@link KrpcException} may come out of it, and a message it accepts must encode to bytes that
 * decode to the same message (compared by their encoding, fields hold arrays).
 *
 * <p>A plain test run replays the seeds in {@code KrpcDecoderFuzzTestInputs/fuzzDecode}; with
 * {@code JAZZER_FUZZ=1} (the module's {@code fuzz} execution) it fuzzes for {@code maxDuration}.
 */
class KrpcDecoderFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void fuzzDecode(byte[] input) {
        Message m;
        try {
            m = KrpcCodec.decode(input);
        } catch (KrpcException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().contains("\n"));
            return;
        }
        byte[] encoded = KrpcCodec.encode(m);
        Message again;
        try {
            again = KrpcCodec.decode(encoded);
        } catch (KrpcException e) {
            throw new AssertionError("our own encoding is refused: " + e.getMessage(), e);
        }
        assertArrayEquals(encoded, KrpcCodec.encode(again));
    }
}
