package dev.shoal.bencode;

import java.util.List;

/** A list of values. */
public final class BList implements BValue {

    private final List<BValue> values;
    private final Source source;

    private BList(List<BValue> values, Source source) {
        this.values = values;
        this.source = source;
    }

    public static BList of(List<? extends BValue> values) {
        return new BList(List.copyOf(values), Source.NONE);
    }

    public static BList of(BValue... values) {
        return new BList(List.of(values), Source.NONE);
    }

    /** Takes ownership of {@code values}: the decoder never touches the list again. */
    static BList decoded(List<BValue> values, Source source) {
        return new BList(java.util.Collections.unmodifiableList(values), source);
    }

    /** The values, unmodifiable. */
    public List<BValue> values() {
        return values;
    }

    public int size() {
        return values.size();
    }

    public BValue get(int index) {
        return values.get(index);
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
        return o instanceof BList other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
