package dev.shoal.dht.internal.node;

import dev.shoal.dht.api.DhtStatus;

/**
 * A snapshot of a node for people: counts, and Transmission's health word (broken when fewer
 * than 4 good nodes or at most 8 good and dubious ones, poor below 40 good, firewalled when fewer
 * than 8 queries ever came in, else good).
 */
public record NodeStatus(String id, int good4, int dubious4, int good6, int dubious6, long incomingQueries,
        long droppedQueries, long malformed, int lookupsRunning, int torrentsSearched, int torrentsAnnounced,
        int storedTorrents, int storedPeers, int transactions) {

    public String health() {
        int good = good4 + good6;
        int dubious = dubious4 + dubious6;
        if (good < 4 || good + dubious <= 8) {
            return DhtStatus.BROKEN;
        }
        if (good < 40) {
            return DhtStatus.POOR;
        }
        return incomingQueries < 8 ? DhtStatus.FIREWALLED : DhtStatus.GOOD;
    }
}
