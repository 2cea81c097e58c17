package dev.shoal.peer.internal.handler;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * What counts as one host for the per-address bounds (dials at once, handshakes waiting): an IPv4
 * address, but an IPv6 /64. One home or one server gets a /64 and may use any address in it, so
 * counted per IPv6 address a single host could take every slot by varying its low 64 bits.
 */
public final class HostKeys {

    private static final int V6_PREFIX_BYTES = 8;

    private HostKeys() {
    }

    public static InetAddress of(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] network = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(network, V6_PREFIX_BYTES, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
