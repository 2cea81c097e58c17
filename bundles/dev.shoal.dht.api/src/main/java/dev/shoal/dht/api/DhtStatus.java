package dev.shoal.dht.api;

/**
 * A snapshot of the DHT node for people.
 *
 * @param nodeId            the node's 20-byte id in hex, empty when off
 * @param goodIpv4          IPv4 nodes in the routing table that answered lately
 * @param dubiousIpv4       IPv4 nodes not heard from for a while (asked again before they are dropped)
 * @param goodIpv6          the same for IPv6
 * @param dubiousIpv6       the same for IPv6
 * @param incomingQueries   queries other nodes sent this one since it started
 * @param lookupsRunning    get_peers/announce lookups under way
 * @param announcedTorrents torrents this node announced itself for
 * @param health            Transmission's word: {@value #BROKEN} (fewer than 4 good nodes, or 8 or fewer
 *                          known), {@value #POOR} (fewer than 40 good), {@value #FIREWALLED} (nodes enough,
 *                          but hardly a query ever came in), {@value #GOOD}; or {@value #DISABLED}
 */
public record DhtStatus(String nodeId, int goodIpv4, int dubiousIpv4, int goodIpv6, int dubiousIpv6,
        long incomingQueries, int lookupsRunning, int announcedTorrents, String health) {

    public static final String DISABLED = "off";
    public static final String BROKEN = "broken";
    public static final String POOR = "poor";
    public static final String FIREWALLED = "firewalled";
    public static final String GOOD = "good";

    /** A node that is configured off: no id, no nodes. */
    public static final DhtStatus OFF = new DhtStatus("", 0, 0, 0, 0, 0, 0, 0, DISABLED);
}
