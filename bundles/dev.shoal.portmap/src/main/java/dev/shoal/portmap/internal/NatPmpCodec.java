package dev.shoal.portmap.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * NAT-PMP's packets (RFC 6886): the external address request and the mapping request, and their
 * answers read strictly: the exact length, version 0, the answering opcode, the same internal port.
 */
final class NatPmpCodec {

    static final int PORT = 5351;
    static final int VERSION = 0;
    private static final int OP_EXTERNAL_ADDRESS = 0;
    private static final int ANSWER = 128;

    private static final String[] RESULTS = {"success", "unsupported version", "not authorized or refused",
        "network failure", "out of resources", "unsupported opcode"};

    private NatPmpCodec() {
    }

    static byte[] externalAddressRequest() {
        return new byte[] {VERSION, OP_EXTERNAL_ADDRESS};
    }

    /** A mapping request; {@code lifetime} 0 with {@code externalPort} 0 removes the mapping (§3.4). */
    static byte[] mapRequest(Transport transport, int internalPort, int externalPort, long lifetime) {
        return ByteBuffer.allocate(12).put((byte) VERSION).put((byte) transport.natPmpOpcode).putShort((short) 0)
                .putShort((short) internalPort).putShort((short) externalPort).putInt((int) lifetime).array();
    }

    /** The external address from an answer to {@link #externalAddressRequest()}. */
    static Inet4Address externalAddress(byte[] packet, int length) throws RouterRefusedException {
        ByteBuffer b = checked(packet, length, 12, OP_EXTERNAL_ADDRESS);
        b.getInt(); // epoch
        byte[] a = new byte[4];
        b.get(a);
        try {
            return (Inet4Address) InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The grant from an answer to {@link #mapRequest}. */
    static Grant mapping(byte[] packet, int length, Transport transport, int internalPort) throws RouterRefusedException {
        ByteBuffer b = checked(packet, length, 16, transport.natPmpOpcode);
        b.getInt(); // epoch
        int internal = Short.toUnsignedInt(b.getShort());
        int external = Short.toUnsignedInt(b.getShort());
        long lifetime = Integer.toUnsignedLong(b.getInt());
        if (internal != internalPort) {
            throw new RouterRefusedException("NAT-PMP answer for internal port " + internal + ", not " + internalPort);
        }
        return new Grant(external, lifetime, null, "");
    }

    /** True when the packet is a NAT-PMP answer at all (version 0): what a NAT-PMP-only router sends back to PCP. */
    static boolean isNatPmp(byte[] packet, int length) {
        return length >= 2 && packet[0] == VERSION;
    }

    private static ByteBuffer checked(byte[] packet, int length, int expected, int opcode) throws RouterRefusedException {
        if (length < 4) {
            throw new RouterRefusedException("NAT-PMP answer of " + length + " bytes, shorter than its header");
        }
        ByteBuffer b = ByteBuffer.wrap(packet, 0, length);
        int version = b.get() & 0xff;
        int op = b.get() & 0xff;
        int result = Short.toUnsignedInt(b.getShort());
        if (version != VERSION) {
            throw new RouterRefusedException("NAT-PMP answer of version " + version + ", not 0");
        }
        if (op != ANSWER + opcode) {
            throw new RouterRefusedException("NAT-PMP answer with opcode " + op + ", not " + (ANSWER + opcode));
        }
        if (result != 0) {
            throw new RouterRefusedException("NAT-PMP: the router answered " + result + " (" + result(result) + ")");
        }
        if (length != expected) {
            throw new RouterRefusedException("NAT-PMP answer of " + length + " bytes, not " + expected);
        }
        return b;
    }

    static String result(int code) {
        return code < RESULTS.length ? RESULTS[code] : "unknown result";
    }
}
