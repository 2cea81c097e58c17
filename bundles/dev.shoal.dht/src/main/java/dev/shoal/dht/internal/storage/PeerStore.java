package dev.shoal.dht.internal.storage;

import dev.shoal.dht.internal.routing.NodeId;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Peers announced to us, per info-hash, bounded on both axes: a torrent keeps its most recent
 * {@code maxPeersPerTorrent} announcers, and beyond {@code maxTorrents} the torrent announced least
 * recently is forgotten. Each announce expires after {@code ttlMillis}. Not thread-safe.
 */
public final class PeerStore {

    private final int maxTorrents;
    private final int maxPeersPerTorrent;
    private final long ttlMillis;
    /** Access order: the eldest entry is the torrent announced least recently. */
    private final LinkedHashMap<NodeId, LinkedHashMap<InetSocketAddress, Long>> torrents =
            new LinkedHashMap<>(16, 0.75f, true);

    public PeerStore(int maxTorrents, int maxPeersPerTorrent, long ttlMillis) {
        this.maxTorrents = maxTorrents;
        this.maxPeersPerTorrent = maxPeersPerTorrent;
        this.ttlMillis = ttlMillis;
    }

    public void announce(NodeId infoHash, InetSocketAddress peer, long now) {
        LinkedHashMap<InetSocketAddress, Long> peers = torrents.get(infoHash);
        if (peers == null) {
            if (torrents.size() >= maxTorrents) {
                Iterator<NodeId> eldest = torrents.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            peers = new LinkedHashMap<>();
            torrents.put(infoHash, peers);
        }
        peers.remove(peer); // re-inserted last: insertion order is announce order
        if (peers.size() >= maxPeersPerTorrent) {
            Iterator<InetSocketAddress> oldest = peers.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        peers.put(peer, now + ttlMillis);
    }

    /** Up to {@code max} live peers of one family ({@code v6} or not), a random sample when more. */
    public List<InetSocketAddress> peers(NodeId infoHash, boolean v6, int max, long now, Random random) {
        LinkedHashMap<InetSocketAddress, Long> peers = torrents.get(infoHash);
        if (peers == null) {
            return List.of();
        }
        List<InetSocketAddress> out = new ArrayList<>();
        for (Map.Entry<InetSocketAddress, Long> e : peers.entrySet()) {
            if (e.getValue() > now && (e.getKey().getAddress().getAddress().length == 16) == v6) {
                out.add(e.getKey());
            }
        }
        if (out.size() > max) {
            Collections.shuffle(out, random);
            return new ArrayList<>(out.subList(0, max));
        }
        return out;
    }

    /** Drops expired announces and torrents left without any. */
    public void expire(long now) {
        torrents.values().removeIf(peers -> {
            peers.values().removeIf(expiry -> expiry <= now);
            return peers.isEmpty();
        });
    }

    public int torrentCount() {
        return torrents.size();
    }

    public int peerCount() {
        return torrents.values().stream().mapToInt(Map::size).sum();
    }
}
