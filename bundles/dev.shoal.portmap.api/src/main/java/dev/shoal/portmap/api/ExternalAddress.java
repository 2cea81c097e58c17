package dev.shoal.portmap.api;

import java.net.InetAddress;
import java.util.Objects;

/**
 * The address the internet sees us at, as a router said it. Registered as a service (this very
 * value) while one is known, with the properties {@value #ADDRESS} and {@value #SOURCE}; a new
 * address replaces the service, so a consumer with a dynamic reference hears every change.
 *
 * @param address the external address, never a private, loopback or unspecified one
 * @param source  who said so: "UPnP 192.168.1.1", "NAT-PMP 192.168.1.1", "PCP 10.2.0.1"
 */
public record ExternalAddress(InetAddress address, String source) {

    /** Service property: the address as text ("203.0.113.7"). */
    public static final String ADDRESS = "shoal.external.address";
    /** Service property: {@link #source()}. */
    public static final String SOURCE = "shoal.external.source";

    public ExternalAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(source, "source");
    }
}
