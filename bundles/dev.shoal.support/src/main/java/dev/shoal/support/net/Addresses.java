package dev.shoal.support.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Peer addresses as people read them: {@code 1.2.3.4:6881}, {@code [2001:db8::1]:6881}. Java writes
 * IPv6 uncompressed ({@code 0:0:0:0:0:0:0:1}); this writes RFC 5952's short form, and an IPv4 address
 * a dual-stack socket reports as IPv4-mapped ({@code ::ffff:1.2.3.4}) as the IPv4 address it is.
 * Never resolves a name.
 */
public final class Addresses {

    private Addresses() {
    }

    /** {@code host:port}, an IPv6 host in brackets; an unresolved address as its name. */
    public static String format(InetSocketAddress address) {
        if (address == null) {
            return "-";
        }
        String host = address.getAddress() != null ? host(address.getAddress()) : address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /**
     * Whether {@code address} is on the internet: not loopback, link-local, private (10/8, 172.16/12,
     * 192.168/16), carrier-grade NAT (100.64/10), IPv6 unique local (fc00::/7), wildcard or multicast.
     */
    public static boolean isPublic(InetAddress address) {
        if (address == null) {
            return false;
        }
        InetAddress plain = unmapped(address);
        if (plain.isLoopbackAddress() || plain.isLinkLocalAddress() || plain.isSiteLocalAddress()
                || plain.isAnyLocalAddress() || plain.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = plain.getAddress();
        boolean cgnat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        return !cgnat && !uniqueLocal;
    }

    /** The address alone, IPv6 in RFC 5952 form without brackets. */
    public static String host(InetAddress address) {
        InetAddress plain = unmapped(address);
        if (plain instanceof Inet4Address) {
            return plain.getHostAddress();
        }
        return compressed(plain.getAddress());
    }

    /** An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) as its IPv4 address; any other as it is. */
    public static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return address;
            }
        }
        if (bytes[10] != (byte) 0xFF || bytes[11] != (byte) 0xFF) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** True for an IPv6 address that is not an IPv4-mapped one. */
    public static boolean isV6(InetAddress address) {
        return unmapped(address) instanceof Inet6Address;
    }

    /** RFC 5952: lower-case hex, no leading zeros, the longest run (2 groups or more) of zero groups as "::". */
    private static String compressed(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
