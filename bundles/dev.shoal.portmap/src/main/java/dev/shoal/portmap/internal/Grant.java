package dev.shoal.portmap.internal;

import java.net.InetAddress;

/**
 * What a router granted.
 *
 * @param externalPort    the port the internet reaches us on
 * @param leaseSeconds    how long it lasts (0 = permanent)
 * @param externalAddress the router's external address when the answer carried it, else {@code null}
 * @param note            something the user should know about it ("only permanent leases..."), or ""
 */
record Grant(int externalPort, long leaseSeconds, InetAddress externalAddress, String note) {
}
