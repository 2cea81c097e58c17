package dev.shoal.metainfo.internal.parse;

import dev.shoal.metainfo.InvalidTorrentException;

/**
 * File lengths and their sum. The sum is bounded by 2^53 so it stays exact as a double
 * (JSON, UIs) and far from overflow in offset arithmetic.
 */
final class Lengths {

    static final long MAX_TOTAL = 1L << 53;

    private Lengths() {
    }

    /** Reads a file's 'length', which must be a non-negative integer within the bound. */
    static long read(Fields file) throws InvalidTorrentException {
        long length = file.integer("length");
        if (length < 0) {
            throw file.invalid("length", "must not be negative (" + length + ")");
        }
        if (length > MAX_TOTAL) {
            throw file.invalid("length", "is " + length + ", larger than the 2^53 bytes allowed");
        }
        return length;
    }

    /** {@code total + length}, failing when the torrent grows beyond the bound. */
    static long add(long total, long length) throws InvalidTorrentException {
        long sum = total + length;
        if (sum > MAX_TOTAL) {
            throw new InvalidTorrentException("the files add up to more than 2^53 bytes");
        }
        return sum;
    }

    static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
