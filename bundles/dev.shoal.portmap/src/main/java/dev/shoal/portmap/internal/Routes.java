package dev.shoal.portmap.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Linux's IPv4 routing table as {@code /proc/net/route} shows it: one line per route, the
 * addresses as 8 hex digits in host (little-endian) order. Only what port mapping needs is kept:
 * each interface's default route, and whether a route covers half the internet or more without a
 * gateway (how OpenVPN and wg-quick send everything into a tunnel: {@code 0.0.0.0/1 dev tun0}).
 */
final class Routes {

    /** Lines beyond this are ignored: a routing table this long is no home network's. */
    static final int MAX_LINES = 4096;

    private static final int RTF_UP = 0x1;
    private static final int RTF_GATEWAY = 0x2;

    /**
     * One route.
     *
     * @param interfaceName the device
     * @param gateway       the next hop, or {@code null} for an on-link route
     * @param prefixLength  the destination's prefix length (0 = default route)
     */
    record Route(String interfaceName, Inet4Address gateway, int prefixLength) {
    }

    private Routes() {
    }

    /** The routes that are up and either default or tunnel-wide (prefix 0 or 1); malformed lines are skipped. */
    static List<Route> wide(String table) {
        List<Route> routes = new ArrayList<>();
        String[] lines = table.split("\n", MAX_LINES + 1);
        for (int i = 1; i < Math.min(lines.length, MAX_LINES); i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 8) {
                continue;
            }
            try {
                int flags = Integer.parseInt(f[3], 16);
                int prefix = Integer.bitCount((int) Long.parseLong(f[7], 16));
                if ((flags & RTF_UP) == 0 || prefix > 1 || f[0].isEmpty() || f[0].length() > 15) {
                    continue;
                }
                Inet4Address gateway = (flags & RTF_GATEWAY) != 0 ? address(f[2]) : null;
                routes.add(new Route(f[0], gateway, prefix));
            } catch (NumberFormatException | UnknownHostException e) {
                // Not a route line; the kernel writes none such, but the file is read as text from outside.
            }
        }
        return routes;
    }

    /** "0101A8C0" (little-endian) as 192.168.1.1. */
    static Inet4Address address(String hex) throws UnknownHostException {
        if (hex.length() != 8) {
            throw new NumberFormatException("not 8 hex digits: " + hex);
        }
        long v = Long.parseLong(hex.toLowerCase(Locale.ROOT), 16);
        byte[] b = {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
        return (Inet4Address) InetAddress.getByAddress(b);
    }
}
