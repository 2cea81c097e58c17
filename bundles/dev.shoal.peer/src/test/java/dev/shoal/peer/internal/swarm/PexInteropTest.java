package dev.shoal.peer.internal.swarm;

import static dev.shoal.peer.internal.swarm.SwarmPair.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.PeerInfo;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.Torrent;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * BEP 11 against libtorrent 2.0 on 127.0.0.1, both ways: Shoal told of one libtorrent peer learns the
 * other from its PEX and dials it; and two libtorrent leechers connected only to a Shoal seed learn each
 * other from Shoal's PEX. libtorrent sends its first PEX message soon after the handshakes and then one
 * a minute; the bound only catches a hang.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PexInteropTest {

    private static final Duration STEP = Duration.ofSeconds(30);
    /** Slow seeds, so nobody completes (and drops its seeds) before the exchange is seen. */
    private static final long SLOW = 256 * 1024;
    /** Leechers of a Shoal seed: 12 MB take minutes, well past the bound. */
    private static final long TRICKLE = 64 * 1024;

    @TempDir
    Path temp;

    private Metainfo torrent() throws Exception {
        return SwarmPair.makeTorrent(temp.resolve("seed"), "data", 64 * 1024, 12_000_000);
    }

    private Torrent torrentFile(Metainfo torrent) throws Exception {
        Path file = temp.resolve("data.torrent");
        Files.write(file, torrent.toBytes());
        return Torrent.read(file);
    }

    @Test
    void shoalLearnsASeedFromLibtorrentsPexAndDialsIt() throws Exception {
        Metainfo torrent = torrent();
        Torrent file = torrentFile(torrent);
        try (LibtorrentPeer seed = LibtorrentPeer.seed(file, temp.resolve("seed")).uploadLimit(SLOW).start();
                LibtorrentPeer middle = LibtorrentPeer.leecher(file, temp.resolve("a")).uploadLimit(SLOW)
                        .connectTo(seed.address()).start()) {
            middle.await("a connection to the seed", STEP, status -> status.peers() > 0);
            try (SwarmPair.Peer shoal = new SwarmPair.Peer(torrent, temp.resolve("shoal"), temp.resolve("s.resume"),
                    SwarmSettings.defaults().withListen("127.0.0.1", 0))) {
                shoal.swarm.addPeers(List.of(middle.address()));
                InetSocketAddress seedAddress = seed.address();
                await(() -> shoal.swarm.peers().stream().map(PeerInfo::address).anyMatch(seedAddress::equals),
                        Duration.ofSeconds(75), () -> "Shoal connected to the seed it was never told of;"
                                + " libtorrent's peers: " + middle.peers());
                Map<InetSocketAddress, String> sources = new HashMap<>();
                shoal.swarm.peers().forEach(peer -> sources.put(peer.address(), peer.source()));
                assertEquals(PeerInfo.PEX, sources.get(seedAddress), "the seed came from PEX: " + sources);
                assertEquals(PeerInfo.TRACKER, sources.get(middle.address()),
                        "the peer handed without a source counts as a tracker's: " + sources);
            }
        }
    }

    @Test
    void libtorrentLearnsAnotherLeecherFromShoalsPex() throws Exception {
        Metainfo torrent = torrent();
        Torrent file = torrentFile(torrent);
        try (SwarmPair.Peer shoal = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"),
                SwarmSettings.defaults().withListen("127.0.0.1", 0))) {
            SwarmPair.await(shoal::complete, STEP, "Shoal's seed verified its data");
            // Slow leechers: from an unthrottled seed on loopback each would complete within a second,
            // and a complete libtorrent leaves its seeds and dials no other seed, so the two would never
            // be in Shoal's swarm at once nor want each other.
            try (LibtorrentPeer first = LibtorrentPeer.leecher(file, temp.resolve("a")).downloadLimit(TRICKLE)
                    .connectTo(shoal.address()).start()) {
                first.await("a connection to Shoal", STEP, status -> status.peers() > 0);
                try (LibtorrentPeer second = LibtorrentPeer.leecher(file, temp.resolve("b")).downloadLimit(TRICKLE)
                        .connectTo(shoal.address()).start()) {
                    // Each leecher was told of Shoal only: a second peer is one Shoal's PEX named.
                    String firstPort = ":" + first.port() + " ";
                    await(() -> second.peers().stream().anyMatch(p -> p.contains(firstPort) && p.contains("pex"))
                            || first.peers().stream().anyMatch(p -> p.contains(":" + second.port() + " ")
                                    && p.contains("pex")),
                            Duration.ofSeconds(75), () -> "the leechers met through Shoal's PEX; the second's"
                                    + " peers: " + second.peers() + ", the first's: " + first.peers());
                }
            }
        }
    }
}
