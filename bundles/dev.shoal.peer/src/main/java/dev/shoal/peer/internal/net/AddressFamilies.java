package dev.shoal.peer.internal.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Which IP versions peers are listened for and dialled on. Both by default: a dual-stack peer may be
 * reachable on one only, and an IPv6-only one on IPv6 alone. One family for users whose other one is
 * broken (a tunnel that blackholes IPv6) or metered. Java hands IPv4 peers of a dual-stack socket over
 * as IPv4 addresses, never IPv4-mapped, so the class of the address tells the family.
 */
public enum AddressFamilies {
    BOTH, IPV4, IPV6;

    private static final List<String> WILDCARDS = List.of("", "*", "0.0.0.0", "::", "[::]");

    /** {@code both}, {@code ipv4} or {@code ipv6}, in any case; anything else is an error saying so. */
    public static AddressFamilies parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("address families: '" + text + "' is not both, ipv4 or ipv6", e);
        }
    }

    public boolean allows(InetAddress address) {
        boolean v6 = address instanceof Inet6Address;
        return this == BOTH || (this == IPV6) == v6;
    }

    /** An unresolved or non-IP address is left to the dial to fail on. */
    public boolean allows(SocketAddress address) {
        return !(address instanceof InetSocketAddress inet) || inet.getAddress() == null || allows(inet.getAddress());
    }

    /** Those of {@code addresses} of an allowed family. */
    public Collection<InetSocketAddress> dialable(Collection<InetSocketAddress> addresses) {
        return this == BOTH ? addresses : addresses.stream().filter(this::allows).toList();
    }

    /** Whether a socket on every interface should be an IPv6 one (a dual-stack one for BOTH). */
    boolean listensOnIpv6() {
        return this != IPV4;
    }

    /** The name a setting takes. */
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For people: "IPv4 and IPv6", "IPv4 only", "IPv6 only". */
    public String describe() {
        return switch (this) {
            case BOTH -> "IPv4 and IPv6";
            case IPV4 -> "IPv4 only";
            case IPV6 -> "IPv6 only";
        };
    }

    /** A listen address that means every interface, whose families the setting then decides. */
    public static boolean isEveryInterface(String host) {
        return WILDCARDS.contains(host.trim());
    }

}
