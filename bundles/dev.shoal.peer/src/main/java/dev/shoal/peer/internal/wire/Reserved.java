package dev.shoal.peer.internal.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 8 reserved bytes of the handshake, where each side announces the extensions it speaks.
 * Bits we do not know are kept as they came, so a handshake decodes and encodes to the same bytes.
 *
 * @param bytes exactly 8 bytes (copied in and out)
 */
public record Reserved(byte[] bytes) {

    public static final int LENGTH = 8;

    /** BEP 6 fast extension: byte 7, mask 0x04. */
    private static final int FAST_BYTE = 7;
    private static final int FAST_MASK = 0x04;
    /** BEP 10 extension protocol: byte 5, mask 0x10. */
    private static final int EXTENSION_BYTE = 5;
    private static final int EXTENSION_MASK = 0x10;

    public static final Reserved NONE = new Reserved(new byte[LENGTH]);

    public Reserved {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("the reserved field has 8 bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean fastExtension() {
        return (bytes[FAST_BYTE] & FAST_MASK) != 0;
    }

    public boolean extensionProtocol() {
        return (bytes[EXTENSION_BYTE] & EXTENSION_MASK) != 0;
    }

    public Reserved withFastExtension(boolean on) {
        return with(FAST_BYTE, FAST_MASK, on);
    }

    public Reserved withExtensionProtocol(boolean on) {
        return with(EXTENSION_BYTE, EXTENSION_MASK, on);
    }

    private Reserved with(int index, int mask, boolean on) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) (on ? copy[index] | mask : copy[index] & ~mask);
        return new Reserved(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reserved other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Reserved[" + HexFormat.of().formatHex(bytes) + "]";
    }
}
