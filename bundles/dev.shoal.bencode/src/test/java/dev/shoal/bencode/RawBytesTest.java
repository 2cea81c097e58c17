package dev.shoal.bencode;

import static dev.shoal.bencode.Bencode.bytes;
import static dev.shoal.bencode.Bencode.decode;
import static dev.shoal.bencode.Bencode.encode;
import static dev.shoal.bencode.Bencode.text;
import static dev.shoal.bencode.Bencode.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decoded values know where they stood, so the info-hash can be taken over the exact source bytes. */
class RawBytesTest {

    private static String str(String s) {
        return s.length() + ":" + s;
    }

    /** 40 bytes of "pieces", including bytes that are not text. */
    private static String pieces() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append((char) ((i * 37 + 0x70) & 0xff));
        }
        return sb.toString();
    }

    /** The info dictionary with its keys out of order, as some real torrents have them. */
    private static final String INFO = "d" + str("name") + str("file.bin")
            + str("piece length") + "i16384e"
            + str("length") + "i20000e"
            + str("pieces") + str(pieces())
            + "e";

    private static final String TORRENT = "d" + str("announce") + str("http://tracker.example/announce")
            + str("creation date") + "i1700000000e"
            + str("info") + INFO
            + "e";

    @Test
    void infoRawBytesAreTheExactSourceSpanEvenWhenUnsorted() throws BencodeException {
        Decoded decoded = decode(TORRENT);
        BDictionary info = assertInstanceOf(BDictionary.class,
                ((BDictionary) decoded.value()).get("info").orElseThrow());

        assertEquals(INFO, text(info.rawBytes()));
        assertEquals(TORRENT.indexOf(INFO), info.offset());
        // Re-encoding sorts the keys, so only the raw span gives the right info-hash.
        assertNotEquals(INFO, encode(info));
        assertEquals(INFO.length(), BencodeEncoder.encode(info).length);
        assertArrayEquals(sha1(bytes(INFO)), sha1(info.rawBytes()));
        assertFalse(MessageDigest.isEqual(sha1(bytes(INFO)), sha1(BencodeEncoder.encode(info))));

        // The unsorted info dictionary is the one warning, at the first key out of order.
        assertEquals(1, decoded.warnings().size());
        assertEquals(TORRENT.indexOf(str("length")), decoded.warnings().get(0).offset());
    }

    @Test
    void everyNestedValueKnowsItsSpan() throws BencodeException {
        byte[] input = bytes(TORRENT);
        BValue root = Bencode.DEFAULT.decode(input).value();
        Bencode.assertSpans(input, root);
    }


    @Test
    void topLevelRawBytesAreTheWholeInput() throws BencodeException {
        for (String input : List.of("i-5e", "3:abc", "le", "d1:bi0e1:ai0ee", TORRENT)) {
            BValue v = value(input);
            assertEquals(input, text(v.rawBytes()));
            assertEquals(0, v.offset());
        }
    }

    @Test
    void offsetsOfNestedValues() throws BencodeException {
        //             0123456789012345678
        String input = "li1e3:abcd1:kleee";
        BList list = (BList) value(input);
        assertEquals(0, list.offset());
        assertEquals(1, list.get(0).offset());
        assertEquals(4, list.get(1).offset());
        BDictionary d = (BDictionary) list.get(2);
        assertEquals(9, d.offset());
        Map.Entry<BString, BValue> entry = d.entries().entrySet().iterator().next();
        assertEquals(10, entry.getKey().offset());
        assertEquals(13, entry.getValue().offset());
        assertEquals("le", text(entry.getValue().rawBytes()));
        assertEquals("1:k", text(entry.getKey().rawBytes()));
        assertEquals("3:abc", text(list.get(1).rawBytes()));
        assertEquals("i1e", text(list.get(0).rawBytes()));
    }

    @Test
    void rawBytesOfAStringIncludeItsLengthPrefix() throws BencodeException {
        BString s = (BString) ((BList) value("l10:0123456789e")).get(0);
        assertEquals("10:0123456789", text(s.rawBytes()));
        assertEquals("0123456789", text(s.bytes()));
    }

    @Test
    void valuesBuiltInCodeHaveNoOffsetAndCanonicalRawBytes() {
        BDictionary d = BDictionary.builder().put("b", 1).put("a", "x").build();
        assertEquals(-1, d.offset());
        assertEquals("d1:a1:x1:bi1ee", text(d.rawBytes()));
        assertEquals(-1, BInteger.of(3).offset());
        assertEquals("i3e", text(BInteger.of(3).rawBytes()));
        assertEquals(-1, BString.of("ab").offset());
        assertEquals("2:ab", text(BString.of("ab").rawBytes()));
        assertEquals(-1, BList.of().offset());
        assertEquals("le", text(BList.of().rawBytes()));
    }

    @Test
    void rawBytesAreACopy() throws BencodeException {
        byte[] input = bytes("li1ee");
        BList list = (BList) Bencode.DEFAULT.decode(input).value();
        byte[] raw = list.rawBytes();
        raw[1] = 'x';
        assertEquals("li1ee", text(list.rawBytes()));
        assertEquals("li1ee", text(input));
        byte[] built = BList.of().rawBytes();
        built[0] = 'x';
        assertEquals("le", text(BList.of().rawBytes()));
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
