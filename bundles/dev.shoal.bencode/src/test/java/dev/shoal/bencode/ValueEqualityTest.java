package dev.shoal.bencode;

import static dev.shoal.bencode.Bencode.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Equality is by content: where a value came from, and in which key order, does not matter. */
class ValueEqualityTest {

    private static void assertEqualWithHash(Object a, Object b) {
        assertEquals(a, b);
        assertEquals(b, a);
        assertEquals(a.hashCode(), b.hashCode(), () -> a + " and " + b);
    }

    @Test
    void decodedEqualsBuilt() throws BencodeException {
        assertEqualWithHash(BInteger.of(-42), value("i-42e"));
        assertEqualWithHash(BString.of("spam"), value("4:spam"));
        assertEqualWithHash(BList.of(BInteger.of(1), BString.of("a")), value("li1e1:ae"));
        assertEqualWithHash(BDictionary.builder().put("a", 1).put("b", "x").build(), value("d1:ai1e1:b1:xe"));
    }

    @Test
    void aStringSliceOfALargerBufferEqualsAStandaloneString() throws BencodeException {
        BList list = (BList) value("l3:xyz3:abc3:abce");
        assertEqualWithHash(list.get(1), list.get(2));
        assertEqualWithHash(BString.of("abc"), list.get(1));
        assertNotEquals(list.get(0), list.get(1));
    }

    @Test
    void dictionaryEqualityIgnoresKeyOrder() throws BencodeException {
        BValue unsorted = value("d1:bi1e1:ai2ee");
        BValue sorted = value("d1:ai2e1:bi1ee");
        assertEqualWithHash(sorted, unsorted);
        assertEqualWithHash(BDictionary.builder().put("b", 1).put("a", 2).build(), sorted);
    }

    @Test
    void listEqualityRespectsOrder() {
        assertNotEquals(BList.of(BInteger.of(1), BInteger.of(2)), BList.of(BInteger.of(2), BInteger.of(1)));
        assertNotEquals(BList.of(BInteger.of(1)), BList.of(BInteger.of(1), BInteger.of(1)));
    }

    @Test
    void differentKindsAreNeverEqual() {
        assertNotEquals(BString.of("1"), BInteger.of(1));
        assertNotEquals(BInteger.of(1), BString.of("1"));
        assertNotEquals(BList.of(), BDictionary.builder().build());
        assertNotEquals(BDictionary.builder().build(), BList.of());
        assertNotEquals(BString.of(""), BList.of());
        assertFalse(BInteger.of(1).equals(null));
        assertFalse(BString.of("a").equals("a"));
        assertFalse(BInteger.of(1).equals(1L));
    }

    @Test
    void valuesDifferingInOneByteOrOneDigitDiffer() {
        assertNotEquals(BString.of("abc"), BString.of("abd"));
        assertNotEquals(BString.of("abc"), BString.of("ab"));
        assertNotEquals(BInteger.of(Long.MIN_VALUE), BInteger.of(Long.MAX_VALUE));
        assertNotEquals(BDictionary.builder().put("a", 1).build(), BDictionary.builder().put("a", 2).build());
        assertNotEquals(BDictionary.builder().put("a", 1).build(), BDictionary.builder().put("b", 1).build());
    }

    @Test
    void stringsCompareAsUnsignedBytes() {
        BString low = BString.of(new byte[] {0x7f});
        BString high = BString.of(new byte[] {(byte) 0x80});
        assertTrue(low.compareTo(high) < 0);
        assertTrue(high.compareTo(low) > 0);
        assertTrue(BString.of("a").compareTo(BString.of("ab")) < 0);
        assertEquals(0, BString.of("ab").compareTo(BString.of(new byte[] {'a', 'b'})));
    }

    @Test
    void stringOfBytesCopiesItsArgument() {
        byte[] source = {1, 2, 3};
        BString s = BString.of(source);
        source[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, s.bytes());
        s.bytes()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, s.bytes());
    }

    @Test
    void stringViews() throws BencodeException {
        BString s = (BString) ((BList) value("l1:x6:h\u00c3\u00a9lloe")).get(1);
        assertEquals("h\u00e9llo", s.asString());
        assertTrue(s.isValidUtf8());
        assertEquals("\"h\u00e9llo\"", s.toString());
        ByteBuffer buffer = s.buffer();
        assertEquals(6, buffer.remaining());
        assertEquals('h', buffer.get(0));
        assertThrows(ReadOnlyBufferException.class, () -> buffer.put(0, (byte) 0));

        BString binary = BString.of(new byte[] {(byte) 0xff, 0});
        assertFalse(binary.isValidUtf8());
        assertEquals("<2 bytes>", binary.toString());
        assertEquals("\ufffd\u0000", binary.asString());
    }

    @Test
    void builderReplacesARepeatedKey() {
        BDictionary d = BDictionary.builder().put("a", 1).put("b", 2).put("a", 3).build();
        assertEquals(2, d.size());
        assertEquals(BInteger.of(3), d.get("a").orElseThrow());
        assertEquals(List.of(BString.of("a"), BString.of("b")), List.copyOf(d.entries().keySet()));
    }

    @Test
    void builtValuesAreImmutable() {
        BDictionary.Builder builder = BDictionary.builder().put("a", 1);
        BDictionary d = builder.build();
        builder.put("b", 2);
        assertEquals(1, d.size());
        assertThrows(UnsupportedOperationException.class, () -> d.entries().put(BString.of("c"), BInteger.of(3)));

        List<BValue> items = new ArrayList<>(List.of(BInteger.of(1)));
        BList l = BList.of(items);
        items.add(BInteger.of(2));
        assertEquals(1, l.size());
        assertThrows(NullPointerException.class, () -> BDictionary.builder().put("a", (BValue) null));
    }

    @Test
    void utf8Keys() {
        BDictionary d = BDictionary.builder().put("\u00e9t\u00e9", 1).build();
        assertTrue(d.containsKey("\u00e9t\u00e9"));
        assertEquals(BString.of("\u00e9t\u00e9".getBytes(StandardCharsets.UTF_8)), d.entries().keySet().iterator().next());
    }

    @Test
    void toStrings() throws BencodeException {
        assertEquals("-3", BInteger.of(-3).toString());
        assertEquals("[1, \"a\"]", BList.of(BInteger.of(1), BString.of("a")).toString());
        assertEquals("{\"b\"=1, \"a\"=[]}", value("d1:bi1e1:alee").toString());
    }
}
