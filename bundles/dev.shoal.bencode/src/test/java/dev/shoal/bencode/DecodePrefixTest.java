package dev.shoal.bencode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A bencoded header followed by raw bytes (BEP 9 metadata pieces): the value and where the rest begins. */
class DecodePrefixTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theValueEndsWhereTheRawBytesBegin() throws BencodeException {
        byte[] message = ascii("d8:msg_typei1e5:piecei0ee\u0000\u00ffraw");
        BValue value = new BencodeDecoder().decodePrefix(message).value();
        assertEquals(25, value.rawBytes().length);
        assertEquals(1L, ((BInteger) ((BDictionary) value).get("msg_type").orElseThrow()).value());
    }

    @Test
    void theLimitsStillHold() {
        DecoderLimits shallow = new DecoderLimits(1024, 1, 1024, 100);
        assertThrows(BencodeException.class, () -> new BencodeDecoder(shallow).decodePrefix(ascii("d1:ad1:bi1eeexyz")));
        DecoderLimits small = new DecoderLimits(8, 4, 1024, 100);
        assertThrows(BencodeException.class, () -> new BencodeDecoder(small).decodePrefix(ascii("d1:ai1ee0123456")));
    }

    @Test
    void aTruncatedHeaderIsRefused() {
        assertThrows(BencodeException.class, () -> new BencodeDecoder().decodePrefix(ascii("d8:msg_typei1e")));
    }
}
