package dev.shoal.bencode;

import static dev.shoal.bencode.Bencode.bytes;
import static dev.shoal.bencode.Bencode.rejectedAt;
import static dev.shoal.bencode.Bencode.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strings: a canonical decimal length, a colon, then exactly that many bytes of anything. */
class DecoderStringTest {

    @Test
    void acceptsTheEmptyString() throws BencodeException {
        BString s = assertInstanceOf(BString.class, value("0:"));
        assertEquals(0, s.length());
        assertArrayEquals(new byte[0], s.bytes());
    }

    @Test
    void readsExactlyTheAnnouncedBytes() throws BencodeException {
        BString s = assertInstanceOf(BString.class, value("4:spam"));
        assertEquals("spam", s.asString());
        assertEquals(4, s.length());
    }

    @Test
    void stringsHoldAnyBytes() throws BencodeException {
        // Colons, 'e', NUL, and bytes that are not UTF-8 are all content.
        String content = "a:e\u0000\u00ff\u0080d";
        BString s = assertInstanceOf(BString.class, value(content.length() + ":" + content));
        assertArrayEquals(bytes(content), s.bytes());
        assertEquals(false, s.isValidUtf8());
    }

    @Test
    void acceptsALongLengthPrefix() throws BencodeException {
        String content = "x".repeat(1234);
        BString s = assertInstanceOf(BString.class, value("1234:" + content));
        assertEquals(1234, s.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"03:abc", "00:", "01:a", "0010:0123456789"})
    void rejectsLeadingZerosInTheLength(String input) {
        assertTrue(rejectedAt(0, input).getMessage().contains("leading zero"));
    }

    @ParameterizedTest(name = "{0} fails at byte {1}")
    @CsvSource(delimiter = '|', value = {
        "5:abc       | 0",
        "1:          | 0",
        "l3:abc5:abe | 6",
        "d1:a9:xe    | 4",
    })
    void rejectsALengthLongerThanTheInput(String input, long offset) {
        assertTrue(rejectedAt(offset, input).getMessage().contains("remain"));
    }

    @Test
    void rejectsAHugeLengthWithoutAllocating() {
        // Larger than the limit: rejected for the limit, before looking at what remains.
        assertTrue(rejectedAt(0, "9223372036854775807:abc").getMessage().contains("exceeds the limit"));
        assertTrue(rejectedAt(0, "99999999999999999999:abc").getMessage().contains("64 bits"));
    }

    @Test
    void rejectsALengthAboveMaxStringBytes() throws BencodeException {
        BencodeDecoder decoder = new BencodeDecoder(new DecoderLimits(1 << 20, 8, 3, 100));
        assertEquals(BString.of("abc"), decoder.decode(bytes("3:abc")).value());
        assertTrue(rejectedAt(decoder, 0, "4:abcd").getMessage().contains("exceeds the limit of 3"));
        rejectedAt(decoder, 4, "l1:a4:abcde");
    }

    @Test
    void maxStringBytesZeroAllowsOnlyEmptyStrings() throws BencodeException {
        BencodeDecoder decoder = new BencodeDecoder(new DecoderLimits(100, 8, 0, 100));
        assertEquals(BList.of(BString.of(""), BInteger.of(7)), decoder.decode(bytes("l0:i7ee")).value());
        rejectedAt(decoder, 1, "l1:ae");
    }

    @ParameterizedTest(name = "{0} fails at byte {1}")
    @CsvSource(delimiter = '|', value = {
        "3abc  | 1",
        "3-:ab | 1",
        "1a:x  | 1",
        "-1:a  | 0",
        "+1:a  | 0",
        ":abc  | 0",
    })
    void rejectsMalformedLengths(String input, long offset) {
        rejectedAt(offset, input);
    }

    @ParameterizedTest(name = "{0} ends at byte {1}")
    @CsvSource({"3, 1", "12, 2"})
    void rejectsALengthWithoutColon(String input, long offset) {
        assertTrue(rejectedAt(offset, input).getMessage().contains("input ends"));
    }
}
