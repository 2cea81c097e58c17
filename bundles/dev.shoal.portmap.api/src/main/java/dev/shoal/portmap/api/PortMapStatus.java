package dev.shoal.portmap.api;

import java.util.List;
import java.util.Optional;

/**
 * Port mapping now.
 *
 * @param enabled         false when configured off (then nothing below is set)
 * @param gateways        the routers asked, one line each ("eth0 via 192.168.1.1")
 * @param mappings        one per router, protocol and transport tried
 * @param externalAddress what a router said our external address is, when one did
 */
public record PortMapStatus(boolean enabled, List<String> gateways, List<Mapping> mappings,
        Optional<ExternalAddress> externalAddress) {

    public static final PortMapStatus OFF = new PortMapStatus(false, List.of(), List.of(), Optional.empty());

    public PortMapStatus {
        gateways = List.copyOf(gateways);
        mappings = List.copyOf(mappings);
    }
}
