package dev.shoal.peer.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PeerIdTest {

    @Test
    void generatedIdsAreAzureusStyleWithTwelvePrintableCharacters() {
        PeerId id = PeerId.generate(new SecureRandom());
        String text = new String(id.bytes(), StandardCharsets.US_ASCII);
        assertEquals(20, id.bytes().length);
        assertTrue(text.matches("-SH0100-[0-9A-Za-z]{12}"), text);
        assertEquals(text, id.toString());
        assertNotEquals(id, PeerId.generate(new SecureRandom()));
    }

    @Test
    void onlyTwentyBytesMakeAPeerId() {
        assertThrows(IllegalArgumentException.class, () -> new PeerId(new byte[19]));
        assertThrows(IllegalArgumentException.class, () -> new PeerId(new byte[21]));
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] raw = new byte[20];
        PeerId id = new PeerId(raw);
        raw[0] = 1;
        id.bytes()[1] = 1;
        assertEquals(new PeerId(new byte[20]), id);
    }

    @Test
    void unprintableBytesShowAsPercentEscapes() {
        byte[] raw = "-qB4520-abcdefghijk\u0000".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("-qB4520-abcdefghijk%00", new PeerId(raw).toString());
    }
}
