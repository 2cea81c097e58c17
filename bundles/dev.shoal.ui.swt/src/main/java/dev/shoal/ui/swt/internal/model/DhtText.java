package dev.shoal.ui.swt.internal.model;

import dev.shoal.dht.api.DhtStatus;

/** How the status bar words the DHT: a short line, and the figures behind it for its tooltip. */
public final class DhtText {

    private DhtText() {
    }

    /** "DHT: 312 nodes (good)", counting the good nodes of both families as Transmission does; "DHT: off". */
    public static String line(DhtStatus status) {
        if (DhtStatus.DISABLED.equals(status.health())) {
            return "DHT: off";
        }
        int good = status.goodIpv4() + status.goodIpv6();
        return "DHT: " + good + (good == 1 ? " node (" : " nodes (") + status.health() + ")";
    }

    /** The tooltip: what {@code shoal:dht} says, one figure a line. */
    public static String details(DhtStatus status) {
        if (DhtStatus.DISABLED.equals(status.health())) {
            return "The DHT is off (Preferences, Shoal DHT) or not running.";
        }
        return String.join("\n",
                "Node id " + status.nodeId(),
                "IPv4 nodes: " + status.goodIpv4() + " good, " + status.dubiousIpv4() + " dubious",
                "IPv6 nodes: " + status.goodIpv6() + " good, " + status.dubiousIpv6() + " dubious",
                "Incoming queries: " + status.incomingQueries(),
                "Lookups running: " + status.lookupsRunning(),
                "Torrents announced: " + status.announcedTorrents());
    }
}
