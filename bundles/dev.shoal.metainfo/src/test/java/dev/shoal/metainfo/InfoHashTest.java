package dev.shoal.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InfoHashTest {

    static final String HEX = "c12fe1c06bba254a9dc9f519b335aa7c1367a88a";

    @Test
    void hexRoundTrip() {
        InfoHash hash = InfoHash.fromHex(HEX.toUpperCase());
        assertEquals(HEX, hash.hex());
        assertEquals(HEX, hash.toString());
        assertEquals(TorrentVersion.V1, hash.version());
    }

    @Test
    void base32KnownValue() {
        byte[] bytes = new byte[20];
        Arrays.fill(bytes, (byte) 0xff);
        assertEquals("7".repeat(32), InfoHash.v1(bytes).base32());
        InfoHash hash = InfoHash.fromHex(HEX);
        assertEquals("YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKEK", hash.base32());
        assertEquals(hash, InfoHash.fromBase32("yex6dqdlxisuvhoj6um3gnnkpqjwpkek"));
    }

    @Test
    void v2AndMultihash() {
        String hex = "ab".repeat(32);
        InfoHash hash = InfoHash.fromHex(hex);
        assertEquals(TorrentVersion.V2, hash.version());
        assertEquals("1220" + hex, hash.multihash());
        assertEquals(hash, InfoHash.fromMultihash("1220" + hex));
        assertEquals("ab".repeat(20), hash.truncated().hex());
        assertThrows(IllegalStateException.class, () -> InfoHash.fromHex(HEX).multihash());
    }

    @Test
    void equalityIsOnBytes() {
        assertEquals(InfoHash.fromHex(HEX), InfoHash.fromHex(HEX.toUpperCase()));
        assertEquals(InfoHash.fromHex(HEX).hashCode(), InfoHash.fromHex(HEX.toUpperCase()).hashCode());
        assertNotEquals(InfoHash.fromHex(HEX), InfoHash.fromHex("d" + HEX.substring(1)));
    }

    @Test
    void bytesAreCopied() {
        byte[] bytes = new byte[20];
        InfoHash hash = InfoHash.v1(bytes);
        bytes[0] = 1;
        hash.bytes()[1] = 1;
        assertArrayEquals(new byte[20], hash.bytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "c12fe1c06bba254a9dc9f519b335aa7c1367a88", "g12fe1c06bba254a9dc9f519b335aa7c1367a88a",
        "c12fe1c06bba254a9dc9f519b335aa7c1367a88a00", "\u0661\u0662fe1c06bba254a9dc9f519b335aa7c1367a88a"})
    void badHex(String hex) {
        assertThrows(IllegalArgumentException.class, () -> InfoHash.fromHex(hex));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKE", "YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKE1",
        "YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKE8", "YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKE\u0131"})
    void badBase32(String text) {
        assertThrows(IllegalArgumentException.class, () -> InfoHash.fromBase32(text));
    }

    @Test
    void wrongLengths() {
        assertThrows(IllegalArgumentException.class, () -> new InfoHash(new byte[21]));
        assertThrows(IllegalArgumentException.class, () -> InfoHash.v1(new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> InfoHash.v2(new byte[20]));
        assertThrows(IllegalArgumentException.class, () -> InfoHash.fromMultihash("1114" + "00".repeat(20)));
    }
}
