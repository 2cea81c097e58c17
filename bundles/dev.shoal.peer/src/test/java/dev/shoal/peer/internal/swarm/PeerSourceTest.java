package dev.shoal.peer.internal.swarm;

import static dev.shoal.peer.internal.swarm.SwarmPair.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.bencode.BDictionary;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.PeerInfo;
import dev.shoal.peer.api.RateLimits;
import dev.shoal.peer.internal.pex.PexMessage;
import dev.shoal.peer.internal.pex.PexPeer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where each connected peer came from ({@link PeerInfo#source}): the source it was handed with, PEX,
 * or incoming; the first source heard of an address wins, and what is remembered is bounded.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PeerSourceTest {

    private static final Duration STEP = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void theFirstSourceOfAnAddressWinsWhileWaitingAndAfterItWasTried() {
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", 1);
        InetSocketAddress b = new InetSocketAddress("127.0.0.1", 2);
        Candidates candidates = new Candidates(10, 60_000);
        candidates.offer(List.of(a), PeerInfo.TRACKER, Set.of(), 0);
        candidates.offer(List.of(a, b), PeerInfo.PEX, Set.of(), 0);
        assertEquals(PeerInfo.TRACKER, candidates.source(a), "a tracker's peer PEX names again");
        assertEquals(PeerInfo.PEX, candidates.source(b));
        assertEquals(a, candidates.next(0, any -> true));
        candidates.offer(List.of(a), "dht", Set.of(), 60_000);
        assertEquals(PeerInfo.TRACKER, candidates.source(a), "dialled, then heard of again");
        assertEquals(PeerInfo.UNKNOWN, candidates.source(new InetSocketAddress("127.0.0.1", 3)), "never heard of");
        candidates.ban(b);
        assertEquals(PeerInfo.UNKNOWN, candidates.source(b), "a banned address is forgotten");
    }

    @Test
    void sourcesAreBoundedTheOldestTriedForgottenFirstTheWaitingKept() {
        Candidates candidates = new Candidates(3, 60_000);
        InetSocketAddress first = new InetSocketAddress("127.0.0.1", 1);
        for (int port = 1; port <= 1000; port++) {
            candidates.offer(List.of(new InetSocketAddress("127.0.0.1", port)), "source" + port, Set.of(), 0);
            candidates.next(0, any -> true); // tried: no longer waiting, only its source remembered
        }
        InetSocketAddress waiting = new InetSocketAddress("127.0.0.2", 1);
        candidates.offer(List.of(waiting), PeerInfo.MAGNET, Set.of(), 0);
        for (int port = 1001; port <= 2000; port++) {
            candidates.offer(List.of(new InetSocketAddress("127.0.0.1", port)), "source" + port, Set.of(), 0);
            candidates.next(0, address -> !address.equals(waiting));
        }
        assertEquals(PeerInfo.UNKNOWN, candidates.source(first), "the oldest tried address is forgotten");
        assertEquals("source2000", candidates.source(new InetSocketAddress("127.0.0.1", 2000)));
        assertEquals(PeerInfo.MAGNET, candidates.source(waiting), "a waiting address keeps its source");
        int remembered = 0;
        for (int port = 1; port <= 2000; port++) {
            remembered += candidates.source(new InetSocketAddress("127.0.0.1", port)).equals(PeerInfo.UNKNOWN) ? 0 : 1;
        }
        assertTrue(remembered <= 3 * 4, "at most four times the candidates' capacity: " + remembered);
    }

    /**
     * A leecher handed a seed as "dht" shows it so, and the seed shows the leecher as incoming; a
     * peer that dials the leecher is incoming, and the peer its PEX names is dialled as "pex", while
     * the seed it names too stays "dht".
     */
    @Test
    void connectedPeersShowWhereTheyCameFrom() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 64 * 1024, 4_000_000);
        try (SwarmPair.Peer seed = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"), loopback());
                SwarmPair.Peer leecher = new SwarmPair.Peer(torrent, temp.resolve("l"), temp.resolve("l.resume"),
                        loopback());
                SwarmPair.Peer other = new SwarmPair.Peer(torrent, temp.resolve("o"), temp.resolve("o.resume"),
                        loopback())) {
            // Slow, so the leecher stays a leecher (a complete one drops its seeds).
            seed.swarm.setRateLimits(new RateLimits(0, 16 * 1024));
            leecher.swarm.addPeers(List.of(seed.address()), "dht");
            await(() -> sources(leecher).containsKey(seed.address()), STEP, "the leecher connected to the seed");
            assertEquals("dht", sources(leecher).get(seed.address()));
            await(() -> !seed.swarm.peers().isEmpty(), STEP, "the seed admitted the leecher");
            assertEquals(PeerInfo.INCOMING, seed.swarm.peers().get(0).source());

            try (ScriptedPeer scripted = new ScriptedPeer(leecher.service.listenPort(), torrent.infoHash())) {
                BDictionary m = scripted.pexHandshake();
                scripted.sendExtended((int) ScriptedPeer.integer(m, PexMessage.EXTENSION),
                        new PexMessage(List.of(new PexPeer(other.address(), 0), new PexPeer(seed.address(),
                                PexPeer.SEED)), List.of()).encode());
                await(() -> sources(leecher).containsKey(other.address()), STEP,
                        () -> "the leecher dialled the peer PEX named; it has " + sources(leecher));
                Map<InetSocketAddress, String> sources = sources(leecher);
                assertEquals(PeerInfo.PEX, sources.get(other.address()));
                assertEquals("dht", sources.get(seed.address()), "the first source wins");
                assertEquals(List.of(PeerInfo.INCOMING), sources.entrySet().stream()
                        .filter(e -> !e.getKey().equals(other.address()) && !e.getKey().equals(seed.address()))
                        .map(Map.Entry::getValue).toList(), "the scripted peer dialled in: " + sources);
            }
        }
    }

    /** Each peer its own id, as separate processes would have. */
    private static SwarmSettings loopback() {
        return SwarmSettings.defaults().withListen("127.0.0.1", 0);
    }

    private static Map<InetSocketAddress, String> sources(SwarmPair.Peer peer) {
        Map<InetSocketAddress, String> sources = new HashMap<>();
        for (PeerInfo info : peer.swarm.peers()) {
            sources.put(info.address(), info.source());
        }
        return sources;
    }
}
