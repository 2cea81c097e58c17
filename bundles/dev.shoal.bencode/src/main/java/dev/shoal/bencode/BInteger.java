package dev.shoal.bencode;

/** An integer. Shoal reads integers into 64 bits; larger ones are rejected by the decoder. */
public final class BInteger implements BValue {

    private final long value;
    private final Source source;

    private BInteger(long value, Source source) {
        this.value = value;
        this.source = source;
    }

    public static BInteger of(long value) {
        return new BInteger(value, Source.NONE);
    }

    static BInteger decoded(long value, Source source) {
        return new BInteger(value, source);
    }

    public long value() {
        return value;
    }

    @Override
    public int offset() {
        return source.offset();
    }

    @Override
    public byte[] rawBytes() {
        return source.isPresent() ? source.copy() : BencodeEncoder.encode(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BInteger other && other.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
