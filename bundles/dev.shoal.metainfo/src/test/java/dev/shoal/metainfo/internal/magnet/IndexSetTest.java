package dev.shoal.metainfo.internal.magnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class IndexSetTest {

    @Test
    void behavesLikeASortedSet() {
        IndexSet set = SelectOnly.parse("9,0,2,4-6");
        assertEquals(new TreeSet<>(Set.of(0, 2, 4, 5, 6, 9)), set);
        assertEquals(List.of(0, 2, 4, 5, 6, 9), List.copyOf(set));
        assertEquals(0, set.first());
        assertEquals(9, set.last());
        assertEquals(Set.of(2, 4), set.subSet(1, 5));
        assertEquals(Set.of(0, 2), set.headSet(4));
        assertEquals(Set.of(6, 9), set.tailSet(6));
        assertTrue(set.contains(5));
        assertFalse(set.contains(3));
        assertFalse(set.contains(-1));
        assertFalse(set.contains("5"));
        assertEquals("0,2,4-6,9", set.toRanges());
        assertEquals(new TreeSet<>(Set.of(0, 2, 4, 5, 6, 9)).hashCode(), set.hashCode());
        assertThrows(UnsupportedOperationException.class, () -> set.add(1));
        assertThrows(IllegalArgumentException.class, () -> set.subSet(5, 1));
    }

    @Test
    void empty() {
        assertThrows(NoSuchElementException.class, () -> IndexSet.empty().first());
        assertThrows(NoSuchElementException.class, () -> IndexSet.empty().last());
        assertEquals("", IndexSet.empty().toRanges());
    }

    @Test
    void bounds() {
        assertThrows(IllegalArgumentException.class, () -> IndexSet.copyOf(List.of(-1)));
        assertThrows(IllegalArgumentException.class, () -> IndexSet.copyOf(List.of(IndexSet.MAX_INDEX + 1)));
        assertEquals(1, IndexSet.copyOf(List.of(IndexSet.MAX_INDEX)).size());
    }

    @Property
    void rangesRoundTrip(@ForAll @Size(max = 50) Set<@IntRange(max = 200) Integer> indices) {
        IndexSet set = IndexSet.copyOf(indices);
        assertEquals(new TreeSet<>(indices), set);
        if (!set.isEmpty()) {
            assertEquals(set, SelectOnly.parse(set.toRanges()));
        }
    }
}
