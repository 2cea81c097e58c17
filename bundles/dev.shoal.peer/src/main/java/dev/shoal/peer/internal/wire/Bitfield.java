package dev.shoal.peer.internal.wire;

import java.util.Arrays;

/**
 * The pieces the sender has, high bit of the first byte for piece 0. Only the codec knows the
 * piece count, so only it can check the length and the spare bits.
 *
 * @param bits the bitfield bytes (copied in and out)
 */
public record Bitfield(byte[] bits) implements PeerMessage {

    public Bitfield {
        bits = bits.clone();
    }

    @Override
    public byte[] bits() {
        return bits.clone();
    }

    public int byteLength() {
        return bits.length;
    }

    public boolean has(int piece) {
        int index = piece >>> 3;
        return piece >= 0 && index < bits.length && (bits[index] & (0x80 >>> (piece & 7))) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bitfield other && Arrays.equals(bits, other.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return "Bitfield[" + bits.length + " bytes]";
    }
}
