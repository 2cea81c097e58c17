package dev.shoal.bencode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A dictionary from byte-string keys to values. Entries keep the order they were decoded or
 * added in; the encoder writes them sorted, as bencode requires.
 */
public final class BDictionary implements BValue {

    private final Map<BString, BValue> entries;
    private final boolean keysSorted;
    private final Source source;

    private BDictionary(Map<BString, BValue> entries, boolean keysSorted, Source source) {
        this.entries = Collections.unmodifiableMap(entries);
        this.keysSorted = keysSorted;
        this.source = source;
    }

    public static Builder builder() {
        return new Builder();
    }

    static BDictionary decoded(LinkedHashMap<BString, BValue> entries, boolean keysSorted, Source source) {
        return new BDictionary(entries, keysSorted, source);
    }

    /** True when the entries are already in bencode's key order, so the encoder need not sort. */
    boolean keysSorted() {
        return keysSorted;
    }

    /** The entries, unmodifiable, in decoded or insertion order. */
    public Map<BString, BValue> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public boolean containsKey(String key) {
        return entries.containsKey(BString.of(key));
    }

    /** The value under the UTF-8 key, if any. */
    public Optional<BValue> get(String key) {
        return Optional.ofNullable(entries.get(BString.of(key)));
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
        return o instanceof BDictionary other && other.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

    /** Builds a dictionary; a later {@code put} of the same key replaces the earlier value. */
    public static final class Builder {
        private final LinkedHashMap<BString, BValue> entries = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String key, BValue value) {
            return put(BString.of(key), value);
        }

        public Builder put(BString key, BValue value) {
            entries.put(key, java.util.Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder put(String key, String value) {
            return put(key, BString.of(value));
        }

        public Builder put(String key, long value) {
            return put(key, BInteger.of(value));
        }

        public BDictionary build() {
            boolean sorted = true;
            BString previous = null;
            for (BString key : entries.keySet()) {
                sorted &= previous == null || previous.compareTo(key) < 0;
                previous = key;
            }
            return new BDictionary(new LinkedHashMap<>(entries), sorted, Source.NONE);
        }
    }
}
