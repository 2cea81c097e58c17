package dev.shoal.engine.internal;

import dev.shoal.peer.api.PeerInfo;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The addresses a run was given (trackers, peer sources, a magnet link) or dialled, newest last, each
 * with the source it first came from, so that a swarm joined again after the peer wire was swapped
 * dials them at once rather than waiting for the next announce, and still says where they came from.
 * Bounded: the oldest go first. Engine thread only.
 */
final class KnownPeers {

    static final int CAPACITY = 200;

    private final LinkedHashMap<InetSocketAddress, String> sources = new LinkedHashMap<>();

    void add(Collection<InetSocketAddress> peers, String source) {
        for (InetSocketAddress peer : peers) {
            String first = sources.remove(peer);
            sources.put(peer, first != null ? first : source);
        }
        Iterator<InetSocketAddress> oldest = sources.keySet().iterator();
        while (sources.size() > CAPACITY) {
            oldest.next();
            oldest.remove();
        }
    }

    /**
     * The peers we dialled and were connected to: their addresses take connections. Those that
     * dialled us came from a port of their own choosing, so are not kept.
     */
    void addConnected(List<PeerInfo> peers) {
        for (PeerInfo peer : peers) {
            if (peer.outgoing()) {
                add(List.of(peer.address()), peer.source());
            }
        }
    }

    int size() {
        return sources.size();
    }

    /** The addresses by source, each source's oldest first. */
    Map<String, List<InetSocketAddress>> bySource() {
        Map<String, List<InetSocketAddress>> grouped = new LinkedHashMap<>();
        sources.forEach((peer, source) -> grouped.computeIfAbsent(source, any -> new ArrayList<>()).add(peer));
        grouped.replaceAll((source, peers) -> List.copyOf(peers));
        return Collections.unmodifiableMap(grouped);
    }
}
