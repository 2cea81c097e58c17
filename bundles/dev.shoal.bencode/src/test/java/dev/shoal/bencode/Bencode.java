package dev.shoal.bencode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Small helpers shared by the tests: inputs written as Latin-1 text, and decode shortcuts. */
final class Bencode {

    static final BencodeDecoder DEFAULT = new BencodeDecoder();

    private Bencode() {
    }

    /** The bytes of {@code text}, one byte per char (so "\u0080" is the byte 0x80). */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static Decoded decode(String text) throws BencodeException {
        return DEFAULT.decode(bytes(text));
    }

    static BValue value(String text) throws BencodeException {
        return decode(text).value();
    }

    static String encode(BValue value) {
        return text(BencodeEncoder.encode(value));
    }

    static BencodeException rejected(String text) {
        return rejected(DEFAULT, text);
    }

    static BencodeException rejected(BencodeDecoder decoder, String text) {
        return assertThrows(BencodeException.class, () -> decoder.decode(bytes(text)),
                () -> "should reject " + text);
    }

    /** Asserts that {@code text} is rejected at byte {@code offset}; returns the exception. */
    static BencodeException rejectedAt(long offset, String text) {
        return rejectedAt(DEFAULT, offset, text);
    }

    static BencodeException rejectedAt(BencodeDecoder decoder, long offset, String text) {
        BencodeException e = rejected(decoder, text);
        assertEquals(offset, e.offset(), () -> "offset for " + text + ": " + e.getMessage());
        return e;
    }

    /**
     * Asserts, for {@code value} and everything inside it, that its raw bytes are exactly its span
     * of {@code input} and decode on their own to an equal value.
     */
    static void assertSpans(byte[] input, BValue value) {
        byte[] raw = value.rawBytes();
        int offset = value.offset();
        assertTrue(offset >= 0 && offset + raw.length <= input.length, () -> "span out of the input: " + offset);
        assertArrayEquals(Arrays.copyOfRange(input, offset, offset + raw.length), raw);
        try {
            assertEquals(value, DEFAULT.decode(raw).value());
        } catch (BencodeException e) {
            throw new AssertionError("the span at " + offset + " does not decode on its own", e);
        }
        if (value instanceof BList l) {
            for (BValue item : l.values()) {
                assertSpans(input, item);
            }
        } else if (value instanceof BDictionary d) {
            for (Map.Entry<BString, BValue> e : d.entries().entrySet()) {
                assertSpans(input, e.getKey());
                assertSpans(input, e.getValue());
            }
        }
    }
}
