package dev.shoal.dht.internal.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.dht.internal.lookup.Lookup;
import dev.shoal.dht.internal.routing.NodeId;
import dev.shoal.dht.internal.routing.SecureIds;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Hundreds of Shoal nodes on the in-process network: joining, lookups, announces, restarts. */
class DhtNetworkTest {

    private static final NodeSettings V4_ONLY = NodeSettings.DEFAULT.withFamilies(true, false);
    static final int NODES = 300;

    /** Builds a network of {@code n} nodes, each joining through node 0, then lets it settle. */
    static InProcessNetwork network(int n, long seed) {
        InProcessNetwork net = new InProcessNetwork(seed);
        InetSocketAddress first = InProcessNetwork.address(0);
        net.add(first, V4_ONLY, null, List.of());
        for (int i = 1; i < n; i++) {
            net.add(InProcessNetwork.address(i), V4_ONLY, null, List.of(first));
            net.advance(200);
        }
        net.run(120);
        return net;
    }

    @Test
    void lookupsConvergeOnTheTrueClosestNodes() {
        InProcessNetwork net = network(NODES, 1);
        int exactClosest = 0;
        int overlapSum = 0;
        int lookups = 40;
        for (int i = 0; i < lookups; i++) {
            NodeId target = NodeId.random(net.random);
            DhtNode from = net.nodes().get(net.random.nextInt(NODES));
            AtomicReference<Lookup> result = new AtomicReference<>();
            assertTrue(from.startLookup(new Lookup(target, Lookup.Kind.FIND_NODE, false, V4_ONLY.lookup()),
                    new DhtNode.LookupListener() {
                        @Override
                        public void done(Lookup l) {
                            result.set(l);
                        }
                    }));
            net.drain();
            assertTrue(result.get() != null, "the lookup ends once the network is quiet");
            List<NodeId> truth = net.nodes().stream().map(DhtNode::id).filter(id -> !id.equals(from.id()))
                    .sorted(Comparator.comparing(id -> id, target::compareDistance)).limit(8).toList();
            Set<NodeId> found = new HashSet<>();
            result.get().closest().forEach(c -> found.add(c.id()));
            exactClosest += found.contains(truth.get(0)) ? 1 : 0;
            overlapSum += (int) truth.stream().filter(found::contains).count();
        }
        System.out.printf("%d nodes, %d lookups: true closest found %d times, %.2f of the 8 closest on average%n",
                NODES, lookups, exactClosest, overlapSum / (double) lookups);
        assertEquals(lookups, exactClosest, "every lookup finds the closest node");
        assertTrue(overlapSum >= lookups * 7, "lookups find nearly all of the 8 closest: " + overlapSum);
        for (DhtNode node : net.nodes()) {
            assertTrue(node.status().good4() >= 8, "every node knows at least K good nodes: " + node.status());
        }
    }

    @Test
    void anAnnouncerIsFoundByAnotherNodesGetPeers() {
        InProcessNetwork net = network(200, 2);
        NodeId infoHash = NodeId.random(net.random);
        DhtNode announcer = net.nodes().get(17);
        DhtNode seeker = net.nodes().get(150);
        Searches.Handle announcing = announcer.searches().add(infoHash, 51413, () -> 1, peers -> { });
        net.drain();
        assertEquals(1, announcer.status().torrentsAnnounced());
        int storing = 0;
        for (DhtNode n : net.nodes()) {
            storing += n.status().storedTorrents();
        }
        assertTrue(storing >= 6, "the closest nodes store the announce: " + storing);
        List<InetSocketAddress> seen = new ArrayList<>();
        Searches.Handle seeking = seeker.searches().add(infoHash, 0, () -> 1, seen::addAll);
        net.drain();
        InetSocketAddress expected = new InetSocketAddress(InProcessNetwork.address(17).getAddress(), 51413);
        assertEquals(List.of(expected), List.copyOf(new HashSet<>(seen)));
        announcing.close();
        seeking.close();
    }

    @Test
    void aRestartedNodeRejoinsFromItsSavedTableWithoutTheBootstrapNodes() {
        InProcessNetwork net = network(100, 3);
        InetSocketAddress at = InProcessNetwork.address(42);
        DhtState saved = net.node(at).state();
        assertTrue(saved.nodes().size() >= 8, "good nodes are saved: " + saved.nodes().size());
        net.remove(at);
        net.run(60);

        InetSocketAddress trap = new InetSocketAddress("9.9.9.9", 6881);
        List<InetSocketAddress> trapped = new ArrayList<>();
        net.listen(trap, (from, bytes) -> trapped.add(from));
        DhtNode restarted = net.add(at, V4_ONLY, saved, List.of(trap));
        assertEquals(saved.id(), restarted.id());
        net.run(30);
        assertTrue(restarted.status().good4() >= 8, "rejoined: " + restarted.status());
        assertEquals(0, restarted.bootstrap().routerQueries());
        assertEquals(List.of(), trapped);

        NodeId infoHash = NodeId.random(net.random);
        net.nodes().get(5).searches().add(infoHash, 7000, () -> 1, p -> { });
        net.drain();
        List<InetSocketAddress> seen = new ArrayList<>();
        restarted.searches().add(infoHash, 0, () -> 1, seen::addAll);
        net.drain();
        assertFalse(seen.isEmpty(), "the restarted node finds peers again");
    }

    @Test
    void withoutASavedTableTheBootstrapNodesAreUsedAndRetried() {
        InProcessNetwork net = new InProcessNetwork(4);
        InetSocketAddress dead = new InetSocketAddress("9.9.9.9", 6881);
        List<Long> asked = new ArrayList<>();
        net.listen(dead, (from, bytes) -> asked.add(net.time.get()));
        net.add(InProcessNetwork.address(1), V4_ONLY, null, List.of(dead));
        net.run(200);
        assertTrue(asked.size() >= 4, "retried: " + asked.size());
        for (int i = 2; i < asked.size(); i++) {
            assertTrue(asked.get(i) - asked.get(i - 1) >= asked.get(i - 1) - asked.get(i - 2),
                    "the waits grow: " + asked);
        }
    }

    @Test
    void aNodeWhoseIdDoesNotFitItsAddressTakesOneThatDoes() {
        InProcessNetwork net = network(40, 5);
        InetSocketAddress at = InProcessNetwork.address(1000);
        NodeId unfit = NodeId.random(net.random);
        assertFalse(SecureIds.verify(unfit, at.getAddress()));
        DhtNode node = net.add(at, V4_ONLY, new DhtState(unfit, List.of(), List.of()),
                List.of(InProcessNetwork.address(0)));
        net.run(30);
        assertTrue(SecureIds.verify(node.id(), at.getAddress()),
                "BEP 42: the id now fits the address the others report: " + node.id());
        assertTrue(node.status().good4() >= 8, "and the node is in the network: " + node.status());
    }
}
