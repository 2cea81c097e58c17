package dev.shoal.portmap.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routers to ask: the default gateway of each interface that is up, not just the one default
 * route the system uses, so a VPN interface's gateway is asked too (qBittorrent #23265: NAT-PMP
 * gateways not found on VPN interfaces). A tunnel interface that routes half the internet or more
 * with no gateway (OpenVPN's and wg-quick's {@code 0.0.0.0/1 dev tun0}), or that is point-to-point
 * with no route at all naming a gateway, gets the ".1" of its address as router: where VPN
 * providers that map ports answer NAT-PMP.
 */
final class Gateways {

    static final Path PROC_ROUTE = Path.of("/proc/net/route");
    private static final long MAX_ROUTE_BYTES = 1 << 20;

    /** One interface's IPv4 address, prefix and kind, as {@link NetworkInterface} tells them. */
    record Interface(String name, Inet4Address address, boolean pointToPoint) {
    }

    private Gateways() {
    }

    /** The gateways of the interfaces named in {@code only} (all when empty) on this machine now. */
    static List<Gateway> find(Set<String> only) throws IOException {
        String table = "";
        if (Files.isReadable(PROC_ROUTE) && Files.size(PROC_ROUTE) < MAX_ROUTE_BYTES) {
            table = Files.readString(PROC_ROUTE, StandardCharsets.US_ASCII);
        }
        return of(Routes.wide(table), interfaces(only));
    }

    /** The gateway of each of {@code interfaces}, from {@code routes}; interfaces without one are left out. */
    static List<Gateway> of(List<Routes.Route> routes, List<Interface> interfaces) {
        Map<String, Gateway> found = new LinkedHashMap<>();
        for (Interface i : interfaces) {
            Routes.Route best = null;
            boolean tunnelWide = false;
            for (Routes.Route r : routes) {
                if (!r.interfaceName().equals(i.name())) {
                    continue;
                }
                if (r.gateway() != null && (best == null || r.prefixLength() < best.prefixLength())) {
                    best = r;
                }
                tunnelWide |= r.gateway() == null;
            }
            if (best != null) {
                found.putIfAbsent(i.name() + i.address(), new Gateway(i.name(), i.address(), best.gateway(), false));
            } else if (tunnelWide || i.pointToPoint()) {
                Inet4Address dotOne = dotOne(i.address());
                if (dotOne != null) {
                    found.putIfAbsent(i.name() + i.address(), new Gateway(i.name(), i.address(), dotOne, true));
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** 10.2.0.2 as 10.2.0.1; {@code null} when the address is itself the .1. */
    static Inet4Address dotOne(Inet4Address address) {
        byte[] b = address.getAddress();
        if (b[3] == 1) {
            return null;
        }
        b[3] = 1;
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Interface> interfaces(Set<String> only) throws SocketException {
        List<Interface> found = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback() || (!only.isEmpty() && !only.contains(ni.getName()))) {
                continue;
            }
            for (InterfaceAddress a : ni.getInterfaceAddresses()) {
                if (a.getAddress() instanceof Inet4Address v4 && !v4.isLinkLocalAddress()) {
                    found.add(new Interface(ni.getName(), v4, ni.isPointToPoint()));
                }
            }
        }
        return found;
    }
}
