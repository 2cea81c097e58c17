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

    /** Writes the decimal digits without allocating a String: lengths are written for every string. */
    void writeDecimal(long value) {
        ensure(20);
        if (value < 0) {
            buffer[size++] = '-';
        } else {
            value = -value; // work in negatives so Long.MIN_VALUE needs no special case
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            buffer[i] = (byte) ('0' - (value % 10));
            value /= 10;
        }
        size = end;
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
