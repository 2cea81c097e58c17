package dev.shoal.tracker.http.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Our own addresses that peers on the internet can reach, for BEP 7's {@code ipv4=} and {@code ipv6=}:
 * a tracker sees only the address we announce from, so a dual-stack client names the other family's
 * address itself (and an IPv6 one its v6 address whichever family the announce goes over). IPv4: the
 * external address a router told the port mapper, else a public address on an interface. IPv6: a
 * global unicast address on an interface (IPv6 has no NAT to ask). The interfaces are read at most
 * once per {@link #RESCAN_MILLIS}: an announce must not enumerate them each time.
 */
final class OwnAddresses {

    static final long RESCAN_MILLIS = 60_000;

    private final Supplier<List<InetAddress>> interfaces;
    private final LongSupplier clock;
    private volatile InetAddress external;
    private List<InetAddress> scanned = List.of();
    private long scannedAt = Long.MIN_VALUE / 2;

    /** Reads this host's interfaces. */
    OwnAddresses() {
        this(OwnAddresses::interfaceAddresses, System::currentTimeMillis);
    }

    OwnAddresses(Supplier<List<InetAddress>> interfaces, LongSupplier clock) {
        this.interfaces = interfaces;
        this.clock = clock;
    }

    /** What the router said the internet sees us at, or null when that is unknown again. */
    void external(InetAddress address) {
        external = address;
    }

    Optional<InetAddress> ipv4() {
        InetAddress router = external;
        if (router instanceof Inet4Address && isGlobal(router)) {
            return Optional.of(router);
        }
        return current().stream().filter(a -> a instanceof Inet4Address).findFirst();
    }

    Optional<InetAddress> ipv6() {
        return current().stream().filter(a -> a instanceof Inet6Address).findFirst();
    }

    /** The global addresses of the interfaces, scanned again when the last scan is old. */
    private synchronized List<InetAddress> current() {
        long now = clock.getAsLong();
        if (now - scannedAt >= RESCAN_MILLIS) {
            scannedAt = now;
            List<InetAddress> global = new ArrayList<>();
            for (InetAddress address : interfaces.get()) {
                if (isGlobal(address)) {
                    global.add(withoutScope(address));
                }
            }
            scanned = List.copyOf(global);
        }
        return scanned;
    }

    /**
     * Reachable from the internet as far as the address tells: IPv4 not loopback, link-local,
     * private (10/8, 172.16/12, 192.168/16, 100.64/10 shared), multicast or unspecified; IPv6 in
     * 2000::/3, the global unicast range (which leaves out ::1, fe80::/10, fc00::/7, ff00::/8);
     * neither a documentation range.
     */
    static boolean isGlobal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            boolean shared = first == 100 && (second & 0xC0) == 64;
            boolean documentation = (first == 192 && second == 0 && (b[2] & 0xFF) == 2)
                    || (first == 198 && second == 51 && (b[2] & 0xFF) == 100)
                    || (first == 203 && second == 0 && (b[2] & 0xFF) == 113);
            return first != 0 && !shared && !documentation;
        }
        boolean documentation = (b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x01 && (b[2] & 0xFF) == 0x0D
                && (b[3] & 0xFF) == 0xB8;
        boolean globalUnicast = (b[0] & 0xE0) == 0x20; // 2000::/3, all that is handed out
        return globalUnicast && !documentation;
    }

    /** The address alone: an interface's IPv6 address carries its scope, which is no business of a tracker. */
    private static InetAddress withoutScope(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static List<InetAddress> interfaceAddresses() {
        List<InetAddress> all = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    all.addAll(Collections.list(nic.getInetAddresses()));
                }
            }
        } catch (SocketException e) {
            // No interfaces to read: nothing to tell the tracker, which sees where the announce comes from.
        }
        return all;
    }
}
