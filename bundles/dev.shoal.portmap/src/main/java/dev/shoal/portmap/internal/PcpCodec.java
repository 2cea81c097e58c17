package dev.shoal.portmap.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * PCP's MAP request and answer (RFC 6887 §7, §11), IPv4 only, read strictly: version 2, an answer
 * to MAP, the exact length, the nonce, protocol and internal port we sent. Options in an answer
 * are not needed and refused by the length check (a router that adds them is asked by NAT-PMP
 * instead only if it also says version 0; otherwise the mapping fails with the reason).
 */
final class PcpCodec {

    static final int VERSION = 2;
    static final int NONCE_BYTES = 12;
    private static final int OP_MAP = 1;
    private static final int ANSWER = 0x80;
    private static final int LENGTH = 60;
    /** ::ffff:0.0.0.0, "no preference" for an IPv4 external address (§11.1). */
    private static final byte[] ANY_V4 = mapped(new byte[4]);

    private static final String[] RESULTS = {"SUCCESS", "UNSUPP_VERSION", "NOT_AUTHORIZED", "MALFORMED_REQUEST",
        "UNSUPP_OPCODE", "UNSUPP_OPTION", "MALFORMED_OPTION", "NETWORK_FAILURE", "NO_RESOURCES", "UNSUPP_PROTOCOL",
        "USER_EX_QUOTA", "CANNOT_PROVIDE_EXTERNAL", "ADDRESS_MISMATCH", "EXCESSIVE_REMOTE_PEERS"};

    private PcpCodec() {
    }

    /** A MAP request; {@code lifetime} 0 deletes the mapping the nonce made (§15). */
    static byte[] mapRequest(byte[] nonce, Inet4Address client, Transport transport, int internalPort,
            int externalPort, long lifetime) {
        return ByteBuffer.allocate(LENGTH)
                .put((byte) VERSION).put((byte) OP_MAP).putShort((short) 0).putInt((int) lifetime)
                .put(mapped(client.getAddress()))
                .put(nonce).put((byte) transport.ianaProtocol).put(new byte[3])
                .putShort((short) internalPort).putShort((short) externalPort).put(ANY_V4)
                .array();
    }

    /** The grant in an answer to {@link #mapRequest}. */
    static Grant mapping(byte[] packet, int length, byte[] nonce, Transport transport, int internalPort)
            throws RouterRefusedException {
        if (length < 4) {
            throw new RouterRefusedException("PCP answer of " + length + " bytes, shorter than its header");
        }
        ByteBuffer b = ByteBuffer.wrap(packet, 0, length);
        int version = b.get() & 0xff;
        int op = b.get() & 0xff;
        b.get();
        int result = b.get() & 0xff;
        if (version != VERSION) {
            throw new RouterRefusedException("PCP answer of version " + version + ", not 2");
        }
        if (op != (ANSWER | OP_MAP)) {
            throw new RouterRefusedException("PCP answer with opcode " + op + ", not " + (ANSWER | OP_MAP));
        }
        if (result != 0) {
            throw new RouterRefusedException("PCP: the router answered " + result + " (" + result(result) + ")");
        }
        if (length != LENGTH) {
            throw new RouterRefusedException("PCP answer of " + length + " bytes, not " + LENGTH);
        }
        long lifetime = Integer.toUnsignedLong(b.getInt());
        b.getInt(); // epoch
        b.position(24);
        byte[] echoed = new byte[NONCE_BYTES];
        b.get(echoed);
        int protocol = b.get() & 0xff;
        b.position(b.position() + 3);
        int internal = Short.toUnsignedInt(b.getShort());
        int external = Short.toUnsignedInt(b.getShort());
        byte[] address = new byte[16];
        b.get(address);
        if (!Arrays.equals(echoed, nonce) || protocol != transport.ianaProtocol || internal != internalPort) {
            throw new RouterRefusedException("PCP answer for another mapping (nonce, protocol or port differ)");
        }
        return new Grant(external, lifetime, v4(address), "");
    }

    static String result(int code) {
        return code < RESULTS.length ? RESULTS[code] : "unknown result";
    }

    private static byte[] mapped(byte[] v4) {
        byte[] a = new byte[16];
        a[10] = (byte) 0xff;
        a[11] = (byte) 0xff;
        System.arraycopy(v4, 0, a, 12, 4);
        return a;
    }

    /** The IPv4 address inside ::ffff:a.b.c.d, or {@code null} for anything else. */
    private static Inet4Address v4(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return null;
            }
        }
        if (a[10] != (byte) 0xff || a[11] != (byte) 0xff) {
            return null;
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(a, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
