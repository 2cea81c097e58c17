package dev.shoal.dht.internal.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.dht.internal.routing.NodeId;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.SwarmData;
import dev.shoal.test.support.Torrent;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * libtorrent 2.0 (python3-libtorrent) joins the DHT through a Shoal node on loopback and announces
 * a trackerless torrent it seeds; another Shoal node, which knows only the first, finds the seed
 * through get_peers. Both directions of KRPC are exercised: libtorrent's queries answered by Shoal
 * (tokens included) and Shoal's queries answered by libtorrent.
 */
class LibtorrentDhtTest {

    private static final NodeSettings V4_ONLY = NodeSettings.DEFAULT.withFamilies(true, false);

    @Test
    void shoalFindsALibtorrentSeedThroughTheDht() throws Exception {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try (SwarmData data = SwarmData.generate(1 << 20);
                UdpNode entry = new UdpNode(V4_ONLY, null, 1);
                UdpNode seeker = new UdpNode(V4_ONLY, null, 2)) {
            seeker.bootstrapFrom(entry.address);
            ticker.scheduleWithFixedDelay(() -> {
                entry.node.tick();
                seeker.node.tick();
            }, 0, 200, TimeUnit.MILLISECONDS);
            Torrent torrent = data.makeTorrent(List.of(), 16);
            try (LibtorrentPeer seed = LibtorrentPeer.seed(torrent, data.seedDir()).dhtBootstrap(entry.address).start()) {
                UdpNetworkTest.await(() -> entry.node.status().storedPeers() >= 1,
                        "libtorrent announces the torrent to the Shoal node");
                Set<InetSocketAddress> found = ConcurrentHashMap.newKeySet();
                seeker.node.searches().add(NodeId.of(HexFormat.of().parseHex(torrent.infoHash())), 0, () -> 1, found::addAll);
                UdpNetworkTest.await(() -> found.contains(seed.address()), "get_peers finds the libtorrent seed");
                UdpNetworkTest.await(() -> entry.node.status().good4() >= 2,
                        "libtorrent answers Shoal's queries (it is a good node)");
                assertTrue(entry.node.status().incomingQueries() > 0);
            }
        } finally {
            ticker.shutdownNow();
        }
    }
}
