package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.peer.api.PeerInfo;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The peers a run keeps to dial again: by source, the first source of each kept, bounded. */
class KnownPeersTest {

    private static InetSocketAddress peer(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    private static PeerInfo connected(InetSocketAddress address, boolean outgoing, String source) {
        return new PeerInfo(address, "-XX0000-", outgoing, 0, 0, 0, 0, 0, true, true, false, false, 0, source);
    }

    @Test
    void eachAddressKeepsItsFirstSource() {
        KnownPeers known = new KnownPeers();
        known.add(List.of(peer(1), peer(2)), PeerInfo.TRACKER);
        known.add(List.of(peer(2), peer(3)), "dht");
        known.addConnected(List.of(connected(peer(4), true, PeerInfo.PEX), connected(peer(1), true, PeerInfo.PEX),
                connected(peer(5), false, PeerInfo.INCOMING)));
        assertEquals(Map.of(PeerInfo.TRACKER, List.of(peer(2), peer(1)), "dht", List.of(peer(3)), PeerInfo.PEX,
                List.of(peer(4))), known.bySource(), "1 connected since: newest; an incoming peer's port is its own");
        assertEquals(4, known.size());
    }

    @Test
    void theOldestGoFirst() {
        KnownPeers known = new KnownPeers();
        for (int port = 1; port <= KnownPeers.CAPACITY + 10; port++) {
            known.add(List.of(peer(port)), port <= 10 ? PeerInfo.MAGNET : PeerInfo.TRACKER);
        }
        assertEquals(KnownPeers.CAPACITY, known.size());
        assertEquals(List.of(PeerInfo.TRACKER), List.copyOf(known.bySource().keySet()), "the magnet's ten were oldest");
    }
}
