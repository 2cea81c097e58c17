package dev.shoal.dht.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.dht.internal.routing.NodeId;
import java.net.InetSocketAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeerStoreTest {

    @Test
    void boundedPerTorrentAndInTorrentsAndExpiring() {
        Random random = new Random(1);
        PeerStore store = new PeerStore(3, 5, 1000);
        NodeId first = NodeId.random(random);
        for (int i = 0; i < 20; i++) {
            store.announce(first, new InetSocketAddress("10.0.0." + i, 6881), 0);
        }
        assertEquals(5, store.peers(first, false, 100, 1, random).size());
        assertTrue(store.peers(first, false, 100, 1, random).contains(new InetSocketAddress("10.0.0.19", 6881)),
                "the latest announcers are kept");
        assertEquals(2, store.peers(first, false, 2, 1, random).size(), "answers are capped");
        assertEquals(0, store.peers(first, true, 100, 1, random).size(), "families are apart");
        for (int i = 0; i < 10; i++) {
            store.announce(NodeId.random(random), new InetSocketAddress("10.0.1.1", 1), 10);
        }
        assertEquals(3, store.torrentCount());
        assertEquals(0, store.peers(first, false, 100, 11, random).size(), "the stalest torrent went first");
        store.expire(2000);
        assertEquals(0, store.torrentCount());
    }
}
