package dev.shoal.portmap.internal;

import dev.shoal.portmap.api.Mapping;
import dev.shoal.portmap.api.PortMapStatus;
import dev.shoal.support.net.Addresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Whether the peer port is reachable from the internet, from what Shoal has seen: a peer from a public
 * address that dialled us proves it; a router's mapping makes it likely; without either Shoal cannot
 * tell, and says so rather than guessing (the anchors' "port test" asks a service outside, which
 * would tell that service who runs Shoal).
 */
final class Reachability {

    private Reachability() {
    }

    /** The listening address as people read it: every interface, or the one address. */
    static String where(InetAddress address) {
        return address == null || address.isAnyLocalAddress() ? "every interface" : Addresses.host(address);
    }

    /** Two lines: the incoming peers seen now, and the verdict with its reason. */
    static List<String> verdict(int port, List<InetSocketAddress> incoming, PortMapStatus mapping) {
        List<InetSocketAddress> fromInternet = incoming.stream()
                .filter(peer -> Addresses.isPublic(peer.getAddress())).toList();
        String seen = "incoming now: " + incoming.size() + (incoming.size() == 1 ? " peer" : " peers")
                + " dialled us, " + fromInternet.size() + " from the internet"
                + (fromInternet.isEmpty() ? "" : " (" + Addresses.format(fromInternet.get(0)) + ")");
        if (!fromInternet.isEmpty()) {
            return List.of(seen, "reachable: yes, a peer from the internet dialled port " + port);
        }
        boolean mapped = mapping.mappings().stream().anyMatch(m -> m.transport().equals("TCP")
                && m.internalPort() == port && m.state().equals(Mapping.MAPPED));
        if (mapped) {
            return List.of(seen, "reachable: likely, a router maps port " + port + "; no peer from the internet"
                    + " has dialled it yet");
        }
        return List.of(seen, "reachable: unknown, no router maps port " + port + " and no peer from the"
                + " internet has dialled it; behind NAT, only peers Shoal dials will connect (Shoal does not probe"
                + " its port from outside)");
    }
}
