package dev.shoal.portmap.internal;

import dev.shoal.engine.api.PeerStatus;
import dev.shoal.engine.api.Torrent;
import dev.shoal.portmap.api.Connectivity;
import dev.shoal.portmap.api.Mapping;
import dev.shoal.portmap.api.PortMapStatus;
import dev.shoal.support.net.Addresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
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
        List<InetSocketAddress> fromInternet = fromInternet(incoming);
        String seen = "incoming now: " + incoming.size() + (incoming.size() == 1 ? " peer" : " peers")
                + " dialled us, " + fromInternet.size() + " from the internet"
                + (fromInternet.isEmpty() ? "" : " (" + Addresses.format(fromInternet.get(0)) + ")");
        Connectivity c = judge(port, incoming, mapping);
        return List.of(seen, "reachable: " + c.verdict() + ", " + c.reason());
    }

    /** The verdict alone, as the {@code PortMapper} service gives it. */
    static Connectivity judge(int port, List<InetSocketAddress> incoming, PortMapStatus mapping) {
        if (!fromInternet(incoming).isEmpty()) {
            return new Connectivity(port, Connectivity.YES, "a peer from the internet dialled port " + port);
        }
        boolean mapped = mapping.mappings().stream().anyMatch(m -> m.transport().equals("TCP")
                && m.internalPort() == port && m.state().equals(Mapping.MAPPED));
        if (mapped) {
            return new Connectivity(port, Connectivity.LIKELY, "a router maps port " + port
                    + "; no peer from the internet has dialled it yet");
        }
        return new Connectivity(port, Connectivity.UNKNOWN, "no router maps port " + port + " and no peer from the"
                + " internet has dialled it; behind NAT, only peers Shoal dials will connect (Shoal does not probe"
                + " its port from outside)");
    }

    /** The peers connected now that dialled us. */
    static List<InetSocketAddress> incoming(List<Torrent> torrents) {
        List<InetSocketAddress> incoming = new ArrayList<>();
        for (Torrent torrent : torrents) {
            for (PeerStatus peer : torrent.peers()) {
                if (!peer.outgoing()) {
                    incoming.add(peer.address());
                }
            }
        }
        return incoming;
    }

    private static List<InetSocketAddress> fromInternet(List<InetSocketAddress> incoming) {
        return incoming.stream().filter(peer -> Addresses.isPublic(peer.getAddress())).toList();
    }
}
