package dev.shoal.portmap.internal;

import java.net.Inet4Address;
import java.util.Objects;

/**
 * A router to ask, as seen from one interface.
 *
 * @param interfaceName the interface ("eth0", "wg0")
 * @param local         our IPv4 address on it: mappings point there and requests leave from it
 * @param router        where NAT-PMP and PCP requests go
 * @param guessed       true when no route named a gateway and the router is the ".1" of a VPN interface's
 *                      address (where VPN providers that map ports answer NAT-PMP, e.g. 10.2.0.1)
 */
record Gateway(String interfaceName, Inet4Address local, Inet4Address router, boolean guessed) {

    Gateway {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(router, "router");
    }

    /** "eth0 via 192.168.1.1", with " (guessed)" for a VPN's. */
    String describe() {
        return interfaceName + " via " + router.getHostAddress() + (guessed ? " (guessed: no route names it)" : "");
    }
}
