package dev.shoal.metainfo.internal.magnet;

import java.util.AbstractSet;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SortedSet;

/**
 * An immutable sorted set of file indices kept as bits: a magnet link can select a million
 * files in a few characters ("so=0-999999"), and a bit set holds that in 125 KB where a tree set
 * would take tens of megabytes. Bounded in both the largest index and the number of entries.
 */
public final class IndexSet extends AbstractSet<Integer> implements SortedSet<Integer> {

    /** Largest index accepted; the bits for it take 2 MiB. */
    public static final int MAX_INDEX = (1 << 24) - 1;

    /** Most indices one set may hold. */
    public static final int MAX_SIZE = 1_000_000;

    private static final IndexSet EMPTY = new IndexSet(new BitSet());

    private final BitSet bits;
    private final int size;

    private IndexSet(BitSet bits) {
        this.bits = bits;
        this.size = bits.cardinality();
    }

    public static IndexSet empty() {
        return EMPTY;
    }

    /** Takes ownership of {@code bits}, which must already respect the bounds. */
    static IndexSet adopt(BitSet bits) {
        return bits.isEmpty() ? EMPTY : new IndexSet(bits);
    }

    /** A copy of {@code indices}; throws IllegalArgumentException when outside the bounds. */
    public static IndexSet copyOf(Collection<Integer> indices) {
        if (indices instanceof IndexSet) {
            return (IndexSet) indices;
        }
        if (indices.size() > MAX_SIZE) {
            throw new IllegalArgumentException("more than " + MAX_SIZE + " file indices");
        }
        BitSet bits = new BitSet();
        for (int index : indices) {
            if (index < 0 || index > MAX_INDEX) {
                throw new IllegalArgumentException("file index " + index + " is outside 0.." + MAX_INDEX);
            }
            bits.set(index);
        }
        return adopt(bits);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof Integer && (Integer) o >= 0 && bits.get((Integer) o);
    }

    @Override
    public Iterator<Integer> iterator() {
        return new Iterator<>() {
            private int next = bits.nextSetBit(0);

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public Integer next() {
                if (next < 0) {
                    throw new NoSuchElementException();
                }
                int current = next;
                next = current == Integer.MAX_VALUE ? -1 : bits.nextSetBit(current + 1);
                return current;
            }
        };
    }

    /** Natural ordering. */
    @Override
    public Comparator<? super Integer> comparator() {
        return null;
    }

    @Override
    public SortedSet<Integer> subSet(Integer fromElement, Integer toElement) {
        if (fromElement > toElement) {
            throw new IllegalArgumentException("fromElement > toElement");
        }
        return range(fromElement, toElement);
    }

    @Override
    public SortedSet<Integer> headSet(Integer toElement) {
        return range(0, toElement);
    }

    @Override
    public SortedSet<Integer> tailSet(Integer fromElement) {
        return range(fromElement, MAX_INDEX + 1);
    }

    @Override
    public Integer first() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return bits.nextSetBit(0);
    }

    @Override
    public Integer last() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return bits.length() - 1;
    }

    /** The BEP 53 form: runs of consecutive indices as ranges, e.g. "0,2,4-6". */
    public String toRanges() {
        StringBuilder out = new StringBuilder();
        int start = bits.nextSetBit(0);
        while (start >= 0) {
            int end = bits.nextClearBit(start) - 1;
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(start);
            if (end > start) {
                out.append('-').append(end);
            }
            start = bits.nextSetBit(end + 1);
        }
        return out.toString();
    }

    /** A snapshot copy, not a live view: the set never changes, so the difference cannot show. */
    private IndexSet range(int from, int to) {
        BitSet copy = (BitSet) bits.clone();
        int low = Math.max(0, from);
        int high = Math.max(low, to);
        copy.clear(0, low);
        copy.clear(high, Math.max(high, copy.length()));
        return adopt(copy);
    }
}
