package dev.shoal.bencode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A byte string. Bencode strings are bytes; {@link #asString()} reads them as UTF-8. */
public final class BString implements BValue, Comparable<BString> {

    private final byte[] bytes;
    private final int start;
    private final int length;
    private final Source source;

    private BString(byte[] bytes, int start, int length, Source source) {
        this.bytes = bytes;
        this.start = start;
        this.length = length;
        this.source = source;
    }

    /** A string of the UTF-8 encoding of {@code text}. */
    public static BString of(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return new BString(utf8, 0, utf8.length, Source.NONE);
    }

    /** A string of a copy of {@code bytes}. */
    public static BString of(byte[] bytes) {
        return new BString(bytes.clone(), 0, bytes.length, Source.NONE);
    }

    /** Shares the decoder's buffer instead of copying it: the buffer is never written again. */
    static BString decoded(byte[] buffer, int contentStart, int length, Source source) {
        return new BString(buffer, contentStart, length, source);
    }

    /** Number of bytes. */
    public int length() {
        return length;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return Arrays.copyOfRange(bytes, start, start + length);
    }

    /** The bytes as a read-only buffer, without copying. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes, start, length).slice().asReadOnlyBuffer();
    }

    /** The bytes decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String asString() {
        return new String(bytes, start, length, StandardCharsets.UTF_8);
    }

    /** True when the bytes are well-formed UTF-8. */
    public boolean isValidUtf8() {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, length));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    byte byteAt(int index) {
        return bytes[start + index];
    }

    void writeContentTo(ByteSink sink) {
        sink.write(bytes, start, length);
    }

    @Override
    public int offset() {
        return source.offset();
    }

    @Override
    public byte[] rawBytes() {
        return source.isPresent() ? source.copy() : BencodeEncoder.encode(this);
    }

    /** Orders strings as raw unsigned bytes, the order bencode requires of dictionary keys. */
    @Override
    public int compareTo(BString other) {
        return Arrays.compareUnsigned(bytes, start, start + length,
                other.bytes, other.start, other.start + other.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BString other
                && Arrays.equals(bytes, start, start + length, other.bytes, other.start, other.start + other.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = start; i < start + length; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return isValidUtf8() ? '"' + asString() + '"' : "<" + length + " bytes>";
    }
}
