package dev.shoal.bencode;

import java.util.Arrays;

/** Where a decoded value came from: a span of a shared, never-modified source buffer. */
record Source(byte[] buffer, int offset, int length) {

    static final Source NONE = new Source(new byte[0], -1, 0);

    boolean isPresent() {
        return offset >= 0;
    }

    byte[] copy() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }
}
