package dev.shoal.bencode;

import static dev.shoal.bencode.Bencode.bytes;
import static dev.shoal.bencode.Bencode.encode;
import static dev.shoal.bencode.Bencode.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The encoder writes the one canonical form: sorted keys, shortest numbers. */
class BencodeEncoderTest {

    @Test
    void encodesScalars() {
        assertEquals("i0e", encode(BInteger.of(0)));
        assertEquals("i-1e", encode(BInteger.of(-1)));
        assertEquals("i9223372036854775807e", encode(BInteger.of(Long.MAX_VALUE)));
        assertEquals("i-9223372036854775808e", encode(BInteger.of(Long.MIN_VALUE)));
        assertEquals("0:", encode(BString.of("")));
        assertEquals("4:spam", encode(BString.of("spam")));
        assertEquals("2:\u00c3\u00a9", encode(BString.of("\u00e9")));
        assertEquals("3:\u0000\u00ff:", encode(BString.of(new byte[] {0, (byte) 0xff, ':'})));
    }

    @Test
    void encodesContainers() {
        assertEquals("le", encode(BList.of()));
        assertEquals("de", encode(BDictionary.builder().build()));
        assertEquals("l4:spam4:eggse", encode(BList.of(BString.of("spam"), BString.of("eggs"))));
        assertEquals("lli1eeli2eee", encode(BList.of(BList.of(BInteger.of(1)), BList.of(BInteger.of(2)))));
    }

    @Test
    void sortsKeysAsRawBytes() {
        BDictionary d = BDictionary.builder()
                .put("z", 1)
                .put(BString.of(new byte[] {(byte) 0x80}), BInteger.of(2))
                .put("ab", 3)
                .put(BString.of(new byte[] {(byte) 0xff}), BInteger.of(4))
                .put("", 5)
                .put("a", 6)
                .put("A", 7)
                .put(BString.of(new byte[] {0x7f}), BInteger.of(8))
                .build();
        // Unsigned: 0x7f < 0x80 < 0xff, all after 'z'. A prefix sorts first; upper case before lower.
        assertEquals("d0:i5e1:Ai7e1:ai6e2:abi3e1:zi1e1:\u007fi8e1:\u0080i2e1:\u00ffi4ee", encode(d));
    }

    @Test
    void sortsUtf8KeysAfterAscii() {
        BDictionary d = BDictionary.builder().put("\u00e9", 1).put("z", 2).put("e", 3).build();
        byte[] e9 = "\u00e9".getBytes(StandardCharsets.UTF_8); // C3 A9
        assertEquals("d1:ei3e1:zi2e2:" + new String(e9, StandardCharsets.ISO_8859_1) + "i1ee", encode(d));
    }

    @Test
    void sortsNestedDictionaries() {
        BDictionary inner = BDictionary.builder().put("y", 1).put("x", 2).build();
        BDictionary outer = BDictionary.builder().put("b", BList.of(inner)).put("a", inner).build();
        assertEquals("d1:ad1:xi2e1:yi1ee1:bld1:xi2e1:yi1eeee", encode(outer));
    }

    @Test
    void reEncodingAnUnsortedDecodedDictionarySortsIt() throws BencodeException {
        assertEquals("d1:ai2e1:bi1ee", encode(value("d1:bi1e1:ai2ee")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i0e", "i-9223372036854775808e", "0:", "le", "de",
        "d3:cow3:moo4:spam4:eggse",
        "d4:infod6:lengthi1e4:name1:aee",
        "ld0:lee0:d0:i0eee",
        "d1:zi0e1:\u0080i0e1:\u00ffi0ee",
    })
    void canonicalInputSurvivesDecodeAndEncode(String input) throws BencodeException {
        assertEquals(input, encode(Bencode.DEFAULT.decode(bytes(input)).value()));
    }

    @Test
    void encodingDoesNotDependOnInsertionOrder() {
        BDictionary one = BDictionary.builder().put("a", 1).put("b", 2).put("c", 3).build();
        BDictionary two = BDictionary.builder().put("c", 3).put("a", 1).put("b", 2).build();
        assertEquals(encode(one), encode(two));
    }

    @Test
    void encodesLargeValues() {
        byte[] big = new byte[100_000];
        String encoded = encode(BList.of(BString.of(big), BString.of(big)));
        assertEquals(2 + 2 * (7 + 100_000), encoded.length());
    }
}
