package dev.shoal.portmap.internal;

import java.util.Set;

/**
 * What the mapper does, from the component's configuration.
 *
 * @param enabled          map at all
 * @param upnp             ask UPnP IGDs
 * @param pmp              ask NAT-PMP/PCP gateways
 * @param interfaces       the interfaces whose gateways are asked; empty: every one that is up
 * @param leaseSeconds     the lease asked for (routers may grant less; 0 asks for a permanent one)
 * @param refreshSeconds   how often gateways and ports are looked at again
 */
record Settings(boolean enabled, boolean upnp, boolean pmp, Set<String> interfaces, long leaseSeconds,
        long refreshSeconds) {

    Settings {
        interfaces = Set.copyOf(interfaces);
    }

    static Settings from(PortmapComponent.Config c) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (String name : c.interfaces()) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return new Settings(c.enabled(), c.upnp(), c.natPmp(), names, Math.max(0, c.leaseSeconds()),
                Math.max(10, c.refreshSeconds()));
    }
}
