package dev.shoal.bencode;

import java.util.Arrays;

/** A growable byte buffer for the encoder; unsynchronized, unlike ByteArrayOutputStream. */
final class ByteSink {
    private byte[] buffer;
    private int size;

    ByteSink(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    void write(int b) {
        ensure(1);
        buffer[size++] = (byte) b;
    }

    void write(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    void writeDecimal(long value) {
        String digits = Long.toString(value);
        ensure(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            buffer[size++] = (byte) digits.charAt(i);
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}
