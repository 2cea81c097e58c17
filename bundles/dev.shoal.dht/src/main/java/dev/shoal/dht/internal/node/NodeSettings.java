package dev.shoal.dht.internal.node;

import dev.shoal.dht.internal.lookup.Lookup;
import dev.shoal.dht.internal.rpc.QueryLimiter;

/**
 * A node's bounds and timings; {@link #DEFAULT} follows the spec and libtorrent's defaults.
 *
 * @param queryTimeoutMillis  when an unanswered query counts as failed
 * @param maxTransactions     queries of ours in flight at once
 * @param maxLookups          lookups running at once (torrents, refreshes, bootstrap)
 * @param maxTorrentLookups   of those, how many may be torrents' get_peers
 * @param researchMillis      how often a torrent's peers are looked up again
 * @param fewPeers            below this many peers found, a torrent is looked up again sooner
 * @param researchFewMillis   that sooner
 * @param maxStoredTorrents   info-hashes whose announces we keep
 * @param maxStoredPeers      announcers kept per info-hash
 * @param peerTtlMillis       how long an announce is kept
 * @param maxValues           peers in one get_peers answer (keeps the answer within one packet)
 * @param savedPerFamily      good nodes saved per address family
 */
public record NodeSettings(Lookup.Settings lookup, QueryLimiter.Settings limiter, boolean v4, boolean v6,
        boolean preferVerified, long queryTimeoutMillis, int maxTransactions, int maxLookups,
        int maxTorrentLookups, long researchMillis, int fewPeers, long researchFewMillis, int maxStoredTorrents,
        int maxStoredPeers, long peerTtlMillis, int maxValues, int savedPerFamily) {

    public static final NodeSettings DEFAULT = new NodeSettings(Lookup.Settings.DEFAULT, QueryLimiter.Settings.DEFAULT,
            true, true, true, 4_000, 512, 16, 8, 15 * 60_000L, 10, 3 * 60_000L, 2_000, 100, 30 * 60_000L, 50, 300);

    public int k() {
        return lookup.k();
    }

    public NodeSettings withLimiter(QueryLimiter.Settings l) {
        return new NodeSettings(lookup, l, v4, v6, preferVerified, queryTimeoutMillis, maxTransactions, maxLookups,
                maxTorrentLookups, researchMillis, fewPeers, researchFewMillis, maxStoredTorrents, maxStoredPeers,
                peerTtlMillis, maxValues, savedPerFamily);
    }

    public NodeSettings withFamilies(boolean useV4, boolean useV6) {
        return new NodeSettings(lookup, limiter, useV4, useV6, preferVerified, queryTimeoutMillis, maxTransactions,
                maxLookups, maxTorrentLookups, researchMillis, fewPeers, researchFewMillis, maxStoredTorrents,
                maxStoredPeers, peerTtlMillis, maxValues, savedPerFamily);
    }
}
