package dev.shoal.peer.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ReservedTest {

    @Test
    void fastExtensionIsBit0x04OfTheLastByte() {
        Reserved fast = Reserved.NONE.withFastExtension(true);
        assertArrayEquals(HexFormat.of().parseHex("0000000000000004"), fast.bytes());
        assertTrue(fast.fastExtension());
        assertFalse(fast.extensionProtocol());
    }

    @Test
    void extensionProtocolIsBit0x10OfByte5() {
        Reserved extended = Reserved.NONE.withExtensionProtocol(true);
        assertArrayEquals(HexFormat.of().parseHex("0000000000100000"), extended.bytes());
        assertTrue(extended.extensionProtocol());
    }

    @Test
    void unknownBitsAreKeptWhenFlagsChange() {
        // libtorrent 2.0.8 sent 00 00 00 00 00 10 00 05 in the interop test (extension protocol,
        // fast, DHT); 0x08 in byte 5 stands for a bit we do not know.
        Reserved libtorrent = new Reserved(HexFormat.of().parseHex("0000000000180005"));
        assertTrue(libtorrent.fastExtension());
        assertTrue(libtorrent.extensionProtocol());
        assertArrayEquals(HexFormat.of().parseHex("0000000000080001"),
                libtorrent.withFastExtension(false).withExtensionProtocol(false).bytes());
    }
}
