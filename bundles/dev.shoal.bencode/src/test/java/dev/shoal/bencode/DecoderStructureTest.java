package dev.shoal.bencode;

import static dev.shoal.bencode.Bencode.bytes;
import static dev.shoal.bencode.Bencode.decode;
import static dev.shoal.bencode.Bencode.rejected;
import static dev.shoal.bencode.Bencode.rejectedAt;
import static dev.shoal.bencode.Bencode.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lists, dictionaries, and the rule that the input holds exactly one value. */
class DecoderStructureTest {

    @Test
    void decodesNestedValues() throws BencodeException {
        BValue value = value("d4:listli1e0:lee3:numi-7e3:strd1:k1:vee");
        BDictionary expected = BDictionary.builder()
                .put("list", BList.of(BInteger.of(1), BString.of(""), BList.of()))
                .put("num", -7)
                .put("str", BDictionary.builder().put("k", "v").build())
                .build();
        assertEquals(expected, value);
    }

    @Test
    void decodesEmptyContainers() throws BencodeException {
        assertEquals(BList.of(), value("le"));
        assertEquals(BDictionary.builder().build(), value("de"));
        assertEquals(BList.of(BList.of(), BDictionary.builder().build()), value("lledee"));
    }

    @Test
    void rejectsEmptyInput() {
        assertTrue(rejectedAt(0, "").getMessage().contains("input ends"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i0e",
        "i-9223372036854775808e",
        "0:",
        "11:hello world",
        "le",
        "de",
        "li1ei2ee",
        "l4:spam4:eggse",
        "d3:cow3:moo4:spam4:eggse",
        "d4:spaml1:a1:bee",
        "d8:announce3:url4:infod6:lengthi1e4:name1:a12:piece lengthi16384e6:pieces20:01234567890123456789ee",
        "lllleeee",
        "d1:ad1:bd1:cleeee",
    })
    void rejectsEveryTruncation(String input) throws BencodeException {
        decode(input); // the whole input is valid
        for (int length = 0; length < input.length(); length++) {
            String prefix = input.substring(0, length);
            BencodeException e = rejected(prefix);
            assertTrue(e.offset() >= 0 && e.offset() <= length,
                    () -> "offset " + e.offset() + " outside prefix " + prefix);
        }
    }

    @ParameterizedTest(name = "{0} has trailing bytes at {1}")
    @CsvSource(delimiter = '|', value = {
        "i1ei2e      | 3",
        "lee         | 2",
        "dee         | 2",
        "0:x         | 2",
        "3:abcd      | 5",
        "li1eei1e    | 5",
        "d1:ai1eed   | 8",
    })
    void rejectsTrailingBytes(String input, long offset) {
        assertTrue(rejectedAt(offset, input).getMessage().contains("trailing"));
    }

    @Test
    void rejectsTrailingWhitespaceAndNul() {
        rejectedAt(2, "de\n");
        rejectedAt(2, "le ");
        rejectedAt(2, "le\u0000");
    }

    @ParameterizedTest(name = "{0} fails at byte {1}")
    @CsvSource(delimiter = '|', value = {
        "x           | 0",
        "e           | 0",
        "lxe         | 1",
        "d1:ae       | 4",
        "l\u00ffe    | 1",
    })
    void rejectsBytesThatStartNoValue(String input, long offset) {
        assertTrue(rejectedAt(offset, input).getMessage().contains("expected a value"));
    }

    @ParameterizedTest(name = "{0} has a non-string key at {1}")
    @CsvSource(delimiter = '|', value = {
        "di1ei2ee         | 1",
        "dlei1ee          | 1",
        "ddei1ee          | 1",
        "d1:ai1ei2ei3ee   | 7",
        "d1:ai1e-1:bi2ee  | 7",
    })
    void rejectsNonStringKeys(String input, long offset) {
        assertTrue(rejectedAt(offset, input).getMessage().contains("key must be a string"));
    }

    @ParameterizedTest(name = "{0} repeats a key at {1}")
    @CsvSource(delimiter = '|', value = {
        "d1:ai1e1:ai2ee          | 7",
        "d1:bi1e1:ai2e1:bi3ee    | 13",
        "d0:i1e0:i2ee            | 6",
        "ld1:ai1eed1:ai1e1:ai1ee | 16",
    })
    void rejectsDuplicateKeys(String input, long offset) {
        assertTrue(rejectedAt(offset, input).getMessage().contains("duplicate"));
    }

    @Test
    void sameKeyInDifferentDictionariesIsNoDuplicate() throws BencodeException {
        Decoded decoded = decode("d1:ad1:ai1eee");
        assertEquals(List.of(), decoded.warnings());
    }

    @Test
    void sortedKeysGiveNoWarning() throws BencodeException {
        assertEquals(List.of(), decode("d0:i0e1:ai0e2:aai0e2:abi0e1:bi0ee").warnings());
    }

    @Test
    void acceptsUnsortedKeysWithOneWarningCarryingTheOffset() throws BencodeException {
        Decoded decoded = decode("d1:bi1e1:ai2ee");
        assertEquals(BDictionary.builder().put("a", 2).put("b", 1).build(), decoded.value());
        assertEquals(1, decoded.warnings().size());
        BencodeWarning warning = decoded.warnings().get(0);
        assertEquals(7, warning.offset());
        assertTrue(warning.message().contains("not sorted"), warning.message());
        assertTrue(warning.toString().startsWith("at byte 7: "), warning.toString());
    }

    @Test
    void warnsOncePerDictionaryAtTheFirstOutOfOrderKey() throws BencodeException {
        // c, b, a: out of order twice, reported once, at "1:b".
        Decoded decoded = decode("d1:ci1e1:bi2e1:ai3ee");
        assertEquals(List.of(7L), offsets(decoded));
    }

    @Test
    void warnsForEachUnsortedDictionary() throws BencodeException {
        String first = "d1:bi0e1:ai0ee";
        Decoded decoded = decode("l" + first + first + "e");
        assertEquals(List.of(8L, 8L + first.length()), offsets(decoded));
    }

    @Test
    void warnsForAnUnsortedNestedDictionaryInsideASortedOne() throws BencodeException {
        String input = "d1:ad1:zi0e1:yi0ee1:bi0ee";
        assertEquals(List.of((long) input.indexOf("1:y")), offsets(decode(input)));
    }

    @Test
    void keyOrderIsByBytesNotByLength() throws BencodeException {
        // "aa" sorts before "b" though it is longer; "a" sorts before "aa" as a prefix.
        assertEquals(List.of(), decode("d1:ai0e2:aai0e1:bi0ee").warnings());
        assertEquals(List.of(8L), offsets(decode("d2:aai0e1:ai0ee")));
    }

    @Test
    void keyOrderIsUnsigned() throws BencodeException {
        // 0x80 is above 'z' when bytes are unsigned (and would be below it if signed).
        assertEquals(List.of(), decode("d1:zi0e1:\u0080i0e1:\u00ffi0ee").warnings());
        assertEquals(List.of(7L), offsets(decode("d1:\u0080i0e1:zi0ee")));
    }

    @Test
    void warningsAreUnmodifiable() throws BencodeException {
        List<BencodeWarning> warnings = decode("d1:bi1e1:ai2ee").warnings();
        assertThrows(UnsupportedOperationException.class, warnings::clear);
    }

    @Test
    void dictionaryKeepsDecodedOrder() throws BencodeException {
        BDictionary d = assertInstanceOf(BDictionary.class, value("d1:bi1e1:ai2e1:ci3ee"));
        assertEquals(List.of(BString.of("b"), BString.of("a"), BString.of("c")), List.copyOf(d.entries().keySet()));
        assertEquals(BInteger.of(2), d.get("a").orElseThrow());
        assertTrue(d.containsKey("c"));
        assertTrue(d.get("d").isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> d.entries().clear());
    }

    @Test
    void listsAreUnmodifiable() throws BencodeException {
        BList l = assertInstanceOf(BList.class, value("li1ei2ee"));
        assertEquals(2, l.size());
        assertEquals(BInteger.of(2), l.get(1));
        assertThrows(UnsupportedOperationException.class, () -> l.values().clear());
    }

    @Test
    void decoderKeepsItsLimits() {
        DecoderLimits limits = new DecoderLimits(10, 2, 3, 4);
        assertEquals(limits, new BencodeDecoder(limits).limits());
        assertEquals(DecoderLimits.DEFAULT, new BencodeDecoder().limits());
    }

    @Test
    void decodingDoesNotCopyTheInputForStrings() throws BencodeException {
        // Documented sharing: values read the caller's buffer, so rawBytes and bytes give copies.
        byte[] input = bytes("3:abc");
        BString s = (BString) Bencode.DEFAULT.decode(input).value();
        byte[] copy = s.bytes();
        copy[0] = 'x';
        assertEquals("abc", s.asString());
    }

    private static List<Long> offsets(Decoded decoded) {
        return decoded.warnings().stream().map(BencodeWarning::offset).toList();
    }
}
