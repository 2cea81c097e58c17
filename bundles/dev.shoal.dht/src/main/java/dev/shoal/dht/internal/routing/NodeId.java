package dev.shoal.dht.internal.routing;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/** A 160-bit DHT node id or lookup target; distances are XOR, compared as unsigned big-endian. */
public final class NodeId implements Comparable<NodeId> {

    public static final int LENGTH = 20;
    public static final int BITS = LENGTH * 8;

    private final byte[] bytes;

    private NodeId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes}, which must be 20 long. */
    public static NodeId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a node id has 20 bytes, not " + bytes.length);
        }
        return new NodeId(bytes.clone());
    }

    public static NodeId random(Random random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        return new NodeId(b);
    }

    public static NodeId fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Bit {@code i}, counting from the most significant bit of the first byte. */
    public boolean bit(int i) {
        return (bytes[i >> 3] & (0x80 >> (i & 7))) != 0;
    }

    /** How many leading bits this id shares with {@code other} (160 when equal). */
    public int commonPrefix(NodeId other) {
        for (int i = 0; i < LENGTH; i++) {
            int x = (bytes[i] ^ other.bytes[i]) & 0xff;
            if (x != 0) {
                return i * 8 + Integer.numberOfLeadingZeros(x) - 24;
            }
        }
        return BITS;
    }

    /** Negative when {@code a} is closer to this id than {@code b}. */
    public int compareDistance(NodeId a, NodeId b) {
        for (int i = 0; i < LENGTH; i++) {
            int da = (a.bytes[i] ^ bytes[i]) & 0xff;
            int db = (b.bytes[i] ^ bytes[i]) & 0xff;
            if (da != db) {
                return Integer.compare(da, db);
            }
        }
        return 0;
    }

    /** A random id sharing exactly {@code prefix} leading bits with this one (for bucket refresh). */
    public NodeId randomWithPrefix(int prefix, Random random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        for (int i = 0; i < prefix && i < BITS; i++) {
            set(b, i, bit(i));
        }
        if (prefix < BITS) {
            set(b, prefix, !bit(prefix));
        }
        return new NodeId(b);
    }

    private static void set(byte[] b, int i, boolean on) {
        int mask = 0x80 >> (i & 7);
        b[i >> 3] = (byte) (on ? b[i >> 3] | mask : b[i >> 3] & ~mask);
    }

    byte byteAt(int i) {
        return bytes[i];
    }

    @Override
    public int compareTo(NodeId o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
