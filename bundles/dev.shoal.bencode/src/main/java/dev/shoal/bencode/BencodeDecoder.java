package dev.shoal.bencode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads bencode. Strict where the format is (canonical integers and length prefixes, no
 * duplicate keys, nothing after the value), tolerant where real torrents are not (unsorted
 * dictionary keys are accepted and reported as warnings), and bounded by {@link DecoderLimits}.
 *
 * <p>Thread-safe: each call decodes independently.
 */
public final class BencodeDecoder {

    private final DecoderLimits limits;

    public BencodeDecoder() {
        this(DecoderLimits.DEFAULT);
    }

    public BencodeDecoder(DecoderLimits limits) {
        this.limits = limits;
    }

    public DecoderLimits limits() {
        return limits;
    }

    /**
     * Decodes exactly one value that fills {@code input}. The returned values share
     * {@code input}; the caller must not modify it afterwards.
     */
    public Decoded decode(byte[] input) throws BencodeException {
        Reader reader = new Reader(input, limits);
        BValue value = reader.first();
        if (reader.position != input.length) {
            throw new BencodeException(reader.position,
                    (input.length - reader.position) + " trailing bytes after the value");
        }
        return new Decoded(value, reader.warnings);
    }

    /**
     * Decodes the one value that {@code input} starts with and leaves what follows it alone: for
     * messages that carry raw bytes after a bencoded header (BEP 9 metadata pieces). The value's
     * {@link BValue#rawBytes()} length says where the rest begins. Shares {@code input} as
     * {@link #decode} does.
     *
     * @since 1.1
     */
    public Decoded decodePrefix(byte[] input) throws BencodeException {
        Reader reader = new Reader(input, limits);
        return new Decoded(reader.first(), reader.warnings);
    }

    /** One decoding pass over one buffer. */
    private static final class Reader {
        private final byte[] in;
        private final DecoderLimits limits;
        private final List<BencodeWarning> warnings = new ArrayList<>();
        private int position;
        private int values;

        Reader(byte[] in, DecoderLimits limits) {
            this.in = in;
            this.limits = limits;
        }

        /** The value at the start of the input, once the input's size is checked. */
        BValue first() throws BencodeException {
            if (in.length > limits.maxInputBytes()) {
                throw new BencodeException(0, "input of " + in.length + " bytes exceeds the limit of "
                        + limits.maxInputBytes());
            }
            return value(0);
        }

        BValue value(int depth) throws BencodeException {
            if (++values > limits.maxValues()) {
                throw new BencodeException(position, "more than " + limits.maxValues() + " values");
            }
            int start = position;
            byte b = peek("a value");
            if (b == 'i') {
                return integer(start);
            } else if (b == 'l') {
                return list(start, depth);
            } else if (b == 'd') {
                return dictionary(start, depth);
            } else if (b >= '0' && b <= '9') {
                return string();
            }
            throw new BencodeException(start, "unexpected " + describe(b) + ", expected a value");
        }

        private BInteger integer(int start) throws BencodeException {
            position++; // 'i'
            long value = digits('e', true, "integer");
            return BInteger.decoded(value, source(start));
        }

        private BString string() throws BencodeException {
            int start = position;
            long length = digits(':', false, "string length");
            if (length > limits.maxStringBytes()) {
                throw new BencodeException(start, "string of " + length + " bytes exceeds the limit of "
                        + limits.maxStringBytes());
            }
            if (length > in.length - position) {
                throw new BencodeException(start, "string of " + length + " bytes but only "
                        + (in.length - position) + " bytes remain");
            }
            int contentStart = position;
            position += (int) length;
            return BString.decoded(in, contentStart, (int) length, source(start));
        }

        private BList list(int start, int depth) throws BencodeException {
            enter(start, depth);
            position++; // 'l'
            List<BValue> items = new ArrayList<>();
            while (peek("a list item or 'e'") != 'e') {
                items.add(value(depth + 1));
            }
            position++; // 'e'
            return BList.decoded(items, source(start));
        }

        private BDictionary dictionary(int start, int depth) throws BencodeException {
            enter(start, depth);
            position++; // 'd'
            LinkedHashMap<BString, BValue> entries = new LinkedHashMap<>();
            BString previous = null;
            boolean reportedUnsorted = false;
            while (true) {
                byte b = peek("a dictionary key or 'e'");
                if (b == 'e') {
                    break;
                }
                int keyStart = position;
                if (b < '0' || b > '9') {
                    throw new BencodeException(keyStart, "dictionary key must be a string, found " + describe(b));
                }
                BString key = string();
                values++;
                // While keys ascend (the norm) none can repeat, so only a dictionary that has
                // gone out of order pays for a lookup per key.
                int order = previous == null ? 1 : key.compareTo(previous);
                if (order == 0 || ((order < 0 || reportedUnsorted) && entries.containsKey(key))) {
                    throw new BencodeException(keyStart, "duplicate dictionary key " + key);
                }
                if (order < 0 && !reportedUnsorted) {
                    warnings.add(new BencodeWarning(keyStart, "dictionary keys not sorted (" + key
                            + " after " + previous + ")"));
                    reportedUnsorted = true;
                }
                previous = key;
                entries.put(key, value(depth + 1));
            }
            position++; // 'e'
            return BDictionary.decoded(entries, !reportedUnsorted, source(start));
        }

        private void enter(int start, int depth) throws BencodeException {
            if (depth >= limits.maxDepth()) {
                throw new BencodeException(start, "nesting deeper than " + limits.maxDepth());
            }
        }

        /**
         * Reads a canonical decimal number up to {@code terminator}: no leading zeros, no "-0",
         * no sign unless {@code signed}, and within 64 bits.
         */
        private long digits(char terminator, boolean signed, String what) throws BencodeException {
            int start = position;
            boolean negative = false;
            if (signed && peek(what) == '-') {
                negative = true;
                position++;
            }
            int firstDigit = position;
            long value = 0;
            while (true) {
                byte b = peek(what);
                if (b == terminator) {
                    break;
                }
                if (b < '0' || b > '9') {
                    throw new BencodeException(position, "unexpected " + describe(b) + " in " + what);
                }
                int digit = b - '0';
                // Accumulate negatively so Long.MIN_VALUE is representable.
                if (value < (Long.MIN_VALUE + digit) / 10) {
                    throw new BencodeException(start, what + " does not fit in 64 bits");
                }
                value = value * 10 - digit;
                position++;
            }
            int digitCount = position - firstDigit;
            if (digitCount == 0) {
                throw new BencodeException(start, what + " has no digits");
            }
            if (digitCount > 1 && in[firstDigit] == '0') {
                throw new BencodeException(start, what + " has a leading zero");
            }
            if (negative && value == 0) {
                throw new BencodeException(start, what + " is negative zero");
            }
            position++; // terminator
            if (!negative) {
                if (value == Long.MIN_VALUE) {
                    throw new BencodeException(start, what + " does not fit in 64 bits");
                }
                value = -value;
            }
            return value;
        }

        private byte peek(String expected) throws BencodeException {
            if (position >= in.length) {
                throw new BencodeException(position, "input ends where " + expected + " was expected");
            }
            return in[position];
        }

        private Source source(int start) {
            return new Source(in, start, position - start);
        }

        private static String describe(byte b) {
            return b >= 0x21 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b & 0xff);
        }
    }
}
