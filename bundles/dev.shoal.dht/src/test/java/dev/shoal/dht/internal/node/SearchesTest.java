package dev.shoal.dht.internal.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.dht.internal.routing.NodeId;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How often a torrent is looked up again, on the in-process network where time moves only when the
 * test says: soon while it wants peers and the DHT has few, at the slow pace once it wants none (and
 * announced still), and soon again when it wants peers again, never sooner than the short pace.
 */
class SearchesTest {

    private static final long FEW = NodeSettings.DEFAULT.researchFewMillis();
    private static final long SLOW = NodeSettings.DEFAULT.researchMillis();
    private static final long STEP = 1_000;

    /** The (simulated) times at which a search's lookups delivered peers: one entry per lookup round. */
    private static final class Rounds {
        final InProcessNetwork net;
        final List<Long> times = new ArrayList<>();

        Rounds(InProcessNetwork net) {
            this.net = net;
        }

        void heard(List<InetSocketAddress> peers) {
            long now = net.time.get();
            if (!peers.isEmpty() && (times.isEmpty() || times.get(times.size() - 1) != now)) {
                times.add(now);
            }
        }

        long last() {
            return times.get(times.size() - 1);
        }
    }

    private static void runFor(InProcessNetwork net, long millis) {
        for (long t = 0; t < millis; t += STEP) {
            net.advance(STEP);
        }
    }

    private static void assertGap(long expected, long from, long to) {
        long gap = to - from;
        assertTrue(gap >= expected && gap <= expected + 2 * STEP,
                "looked up again after " + gap + " ms, expected " + expected + " ms");
    }

    @Test
    void aTorrentWantingPeersIsLookedUpSoonOneWithEnoughSlowlyAndAgainSoonWhenItLosesThem() {
        InProcessNetwork net = DhtNetworkTest.network(50, 11);
        NodeId infoHash = NodeId.random(net.random);
        net.nodes().get(3).searches().add(infoHash, 7000, () -> 1, peers -> { });
        net.drain();

        AtomicInteger wanted = new AtomicInteger(40);
        Rounds rounds = new Rounds(net);
        DhtNode seeker = net.nodes().get(40);
        seeker.searches().add(infoHash, 7001, wanted::get, rounds::heard);
        net.drain();
        assertEquals(1, rounds.times.size(), "the first lookup starts at once");

        // Wants 40 more and the DHT has one peer (fewer than 10): every researchFewMillis.
        runFor(net, 2 * FEW + 5 * STEP);
        assertEquals(3, rounds.times.size(), "looked up every " + FEW + " ms: " + rounds.times);
        assertGap(FEW, rounds.times.get(0), rounds.times.get(1));
        assertGap(FEW, rounds.times.get(1), rounds.times.get(2));

        // It has enough now: the next lookup (already due soon) is the last at the short pace.
        wanted.set(0);
        runFor(net, FEW);
        assertEquals(4, rounds.times.size(), rounds.times.toString());
        long satisfiedAt = rounds.last();
        runFor(net, SLOW - FEW);
        assertEquals(4, rounds.times.size(), "nothing while it wants no peers: " + rounds.times);
        runFor(net, FEW + 2 * STEP);
        assertEquals(5, rounds.times.size(), "yet looked up (and announced) at the slow pace: " + rounds.times);
        assertGap(SLOW, satisfiedAt, rounds.last());
        List<InetSocketAddress> seen = new ArrayList<>();
        net.nodes().get(20).searches().add(infoHash, 0, () -> 1, seen::addAll);
        net.drain();
        Set<Integer> ports = new HashSet<>();
        seen.forEach(peer -> ports.add(peer.getPort()));
        assertEquals(Set.of(7000, 7001), ports, "the torrent wanting no peers is announced still");

        // It lost its peers a minute after that lookup: looked up once the short pace allows, not at the slow one.
        long lastRound = rounds.last();
        runFor(net, 60_000);
        wanted.set(10);
        runFor(net, FEW);
        assertEquals(6, rounds.times.size(), "looked up soon after it wanted peers again: " + rounds.times);
        assertTrue(rounds.last() - lastRound >= FEW, "never sooner than the short pace: " + rounds.times);
        assertGap(FEW, lastRound, rounds.last());
    }

    @Test
    void aTorrentThatCannotSayIsLookedUpAsIfItWantedPeers() {
        InProcessNetwork net = DhtNetworkTest.network(30, 12);
        NodeId infoHash = NodeId.random(net.random);
        net.nodes().get(3).searches().add(infoHash, 7000, () -> 1, peers -> { });
        net.drain();
        Rounds rounds = new Rounds(net);
        net.nodes().get(20).searches().add(infoHash, 0, () -> {
            throw new IllegalStateException("closed");
        }, rounds::heard);
        net.drain();
        runFor(net, FEW + 2 * STEP);
        assertEquals(2, rounds.times.size(), rounds.times.toString());
        assertGap(FEW, rounds.times.get(0), rounds.times.get(1));
    }
}
