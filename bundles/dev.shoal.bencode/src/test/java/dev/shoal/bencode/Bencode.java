package dev.shoal.bencode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

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
}
