package dev.shoal.engine.internal;

import dev.shoal.peer.api.PeerInfo;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The addresses a run was given (trackers, peer sources) or dialled, newest last, so that a swarm
 * joined again after the peer wire was swapped dials them at once rather than waiting for the next
 * announce. Bounded: the oldest go first. Engine thread only.
 */
final class KnownPeers {

    static final int CAPACITY = 200;

    private final LinkedHashSet<InetSocketAddress> addresses = new LinkedHashSet<>();

    void add(Collection<InetSocketAddress> peers) {
        for (InetSocketAddress peer : peers) {
            addresses.remove(peer);
            addresses.add(peer);
        }
        Iterator<InetSocketAddress> oldest = addresses.iterator();
        while (addresses.size() > CAPACITY) {
            oldest.next();
            oldest.remove();
        }
    }

    /**
     * The peers we dialled and were connected to: their addresses take connections. Those that
     * dialled us came from a port of their own choosing, so are not kept.
     */
    void addConnected(List<PeerInfo> peers) {
        add(peers.stream().filter(PeerInfo::outgoing).map(PeerInfo::address).toList());
    }

    List<InetSocketAddress> all() {
        return List.copyOf(addresses);
    }
}
