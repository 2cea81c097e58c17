package dev.shoal.dht.internal.routing;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Random;
import java.util.zip.CRC32C;

/**
 * BEP 42: a node id whose top 21 bits are the CRC32-C of the node's (masked) external address, so
 * that nobody can pick an id next to a target of their choice. Local addresses are never checked:
 * behind them the id cannot be tied to anything (libtorrent's {@code verify_id()} does the same).
 */
public final class SecureIds {

    private static final byte[] V4_MASK = {0x03, 0x0f, 0x3f, (byte) 0xff};
    private static final byte[] V6_MASK = {0x01, 0x03, 0x07, 0x0f, 0x1f, 0x3f, 0x7f, (byte) 0xff};

    private SecureIds() {
    }

    /** A fresh id valid for {@code external}. */
    public static NodeId generate(InetAddress external, Random random) {
        int r = random.nextInt(8);
        int crc = crc(external, r);
        byte[] id = new byte[NodeId.LENGTH];
        random.nextBytes(id);
        id[0] = (byte) (crc >>> 24);
        id[1] = (byte) (crc >>> 16);
        id[2] = (byte) (((crc >>> 8) & 0xf8) | (random.nextInt() & 7));
        id[19] = (byte) r;
        return NodeId.of(id);
    }

    /** Whether {@code id} is one that {@code address} may use; always true for local addresses. */
    public static boolean verify(NodeId id, InetAddress address) {
        if (isLocal(address)) {
            return true;
        }
        int crc = crc(address, id.byteAt(19) & 7);
        return id.byteAt(0) == (byte) (crc >>> 24)
                && id.byteAt(1) == (byte) (crc >>> 16)
                && (id.byteAt(2) & 0xf8) == ((crc >>> 8) & 0xf8);
    }

    /** Loopback, private, link-local and carrier-grade NAT addresses: BEP 42 does not apply. */
    public static boolean isLocal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] a = address.getAddress();
        if (address instanceof Inet4Address) {
            return (a[0] & 0xff) == 100 && (a[1] & 0xc0) == 64; // 100.64/10
        }
        return (a[0] & 0xfe) == 0xfc; // fc00::/7 unique local
    }

    private static int crc(InetAddress address, int r) {
        byte[] raw = address.getAddress();
        byte[] mask = address instanceof Inet6Address ? V6_MASK : V4_MASK;
        byte[] masked = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            masked[i] = (byte) (raw[i] & mask[i]);
        }
        masked[0] |= (byte) (r << 5);
        CRC32C crc = new CRC32C();
        crc.update(masked);
        return (int) crc.getValue();
    }
}
