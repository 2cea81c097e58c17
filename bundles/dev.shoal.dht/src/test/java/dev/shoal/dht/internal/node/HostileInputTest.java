package dev.shoal.dht.internal.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.dht.internal.krpc.KrpcCodec;
import dev.shoal.dht.internal.krpc.KrpcException;
import dev.shoal.dht.internal.krpc.Message;
import dev.shoal.dht.internal.lookup.Lookup;
import dev.shoal.dht.internal.routing.NodeId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Floods, garbage and stale tokens against a node inside a working network. */
class HostileInputTest {

    /** Collects what a node answers to one outside address. */
    private static final class Client {
        final InetSocketAddress at;
        final List<Message> answers = new ArrayList<>();

        Client(InProcessNetwork net, InetSocketAddress at) {
            this.at = at;
            net.listen(at, (from, bytes) -> {
                try {
                    answers.add(KrpcCodec.decode(bytes));
                } catch (KrpcException e) {
                    throw new AssertionError("the node sent something unreadable: " + e.getMessage());
                }
            });
        }
    }

    private static byte[] ping(int t) {
        return KrpcCodec.encode(Message.Query.ping(new byte[] {(byte) (t >> 8), (byte) t}, NodeId.random(new Random(t))));
    }

    @Test
    void aFloodOfTenThousandQueriesASecondFromOneAddressLeavesOthersAnswered() throws Exception {
        InProcessNetwork net = DhtNetworkTest.network(50, 11);
        InetSocketAddress victim = InProcessNetwork.address(7);
        DhtNode node = net.node(victim);
        Client attacker = new Client(net, new InetSocketAddress("66.6.6.6", 4444));
        List<Client> honest = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            honest.add(new Client(net, new InetSocketAddress(InetAddress.getByName("77.7.7." + i), 6881)));
        }
        for (int ms = 0; ms < 1000; ms++) {
            for (int q = 0; q < 10; q++) {
                net.inject(attacker.at, victim, ping(ms * 10 + q));
            }
            if (ms % 500 == 0) {
                for (Client c : honest) {
                    net.inject(c.at, victim, ping(ms));
                }
            }
            net.time.incrementAndGet();
            net.drain();
        }
        node.tick();
        NodeStatus status = node.status();
        System.out.printf("flood: attacker sent 10000, answered %d; honest sent 40, answered %d; dropped %d%n",
                attacker.answers.size(), honest.stream().mapToInt(c -> c.answers.size()).sum(), status.droppedQueries());
        assertTrue(attacker.answers.size() <= 25, "the flood is cut off: " + attacker.answers.size());
        for (Client c : honest) {
            assertEquals(2, c.answers.size(), "every honest querier is answered");
        }
        assertTrue(status.droppedQueries() >= 9_975);
        assertConverges(net, node);
    }

    @Test
    void spoofedSourcesWithoutEndStayWithinEveryBound() throws Exception {
        InProcessNetwork net = DhtNetworkTest.network(30, 12);
        InetSocketAddress victim = InProcessNetwork.address(3);
        DhtNode node = net.node(victim);
        Random random = new Random(5);
        int answered = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] ip = new byte[4];
            random.nextBytes(ip);
            ip[0] = (byte) (20 + random.nextInt(80)); // public, never local: keyed by IP
            NodeId id = NodeId.random(random);
            byte[] t = {(byte) i, (byte) (i >> 8)};
            byte[] q = i % 2 == 0
                    ? KrpcCodec.encode(Message.Query.getPeers(t, id, NodeId.random(random), Set.of()))
                    : KrpcCodec.encode(Message.Query.announcePeer(t, id, NodeId.random(random), 6881, new byte[8]));
            node.receive(new InetSocketAddress(InetAddress.getByAddress(ip), 1 + random.nextInt(65535)), q);
            if (i % 100 == 0) {
                net.time.incrementAndGet();
            }
        }
        NodeStatus s = node.status();
        System.out.println("after 100000 spoofed queries: " + s + ", limiter sources " + node.limitedSources());
        assertTrue(node.limitedSources() <= 512);
        assertTrue(s.good4() + s.dubious4() <= 160 * 8, "the table is bounded");
        assertEquals(0, s.storedPeers(), "announces without a valid token are refused");
        assertTrue(s.transactions() <= NodeSettings.DEFAULT.maxTransactions());
        assertTrue(s.droppedQueries() > 90_000, "the global bucket caps the answers: " + s.droppedQueries());
        net.run(30);
        assertConverges(net, node);
    }

    @Test
    void aFuzzedStreamOfDatagramsIsDroppedWithoutDisturbingTheNode() {
        InProcessNetwork net = DhtNetworkTest.network(40, 13);
        InetSocketAddress target = InProcessNetwork.address(5);
        DhtNode node = net.node(target);
        Random random = new Random(99);
        List<byte[]> valid = List.of(ping(1),
                KrpcCodec.encode(Message.Query.findNode(new byte[] {1, 2}, NodeId.random(random), NodeId.random(random),
                        Set.of(Message.Want.N4, Message.Want.N6))),
                KrpcCodec.encode(Message.Query.announcePeer(new byte[] {3}, NodeId.random(random), NodeId.random(random),
                        1, new byte[] {1, 2, 3, 4})),
                KrpcCodec.encode(new Message.Error(new byte[] {9, 9}, 201, "x")));
        for (int i = 0; i < 20_000; i++) {
            byte[] d = valid.get(random.nextInt(valid.size())).clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                switch (random.nextInt(3)) {
                    case 0 -> d[random.nextInt(d.length)] = (byte) random.nextInt();
                    case 1 -> d = Arrays.copyOf(d, random.nextInt(d.length + 1));
                    default -> {
                        byte[] junk = new byte[random.nextInt(64)];
                        random.nextBytes(junk);
                        byte[] joined = Arrays.copyOf(d, d.length + junk.length);
                        System.arraycopy(junk, 0, joined, d.length, junk.length);
                        d = joined;
                    }
                }
                if (d.length == 0) {
                    d = new byte[] {'d'};
                }
            }
            // From many sources, so the limiter lets the garbage reach the decoder.
            net.inject(new InetSocketAddress("50.0." + (i % 200) + "." + (i / 200 % 250), 1000 + i % 7), target, d);
            if (i % 50 == 0) {
                net.time.addAndGet(20);
            }
        }
        net.drain();
        NodeStatus s = node.status();
        System.out.println("after 20000 fuzzed datagrams: malformed " + s.malformed() + ", " + s);
        assertTrue(s.malformed() > 5_000, "most mutations are refused: " + s.malformed());
        net.run(30);
        assertConverges(net, node);
    }

    @Test
    void anAnnounceWithAnExpiredTokenIsRefused() throws Exception {
        InProcessNetwork net = DhtNetworkTest.network(20, 14);
        InetSocketAddress target = InProcessNetwork.address(2);
        DhtNode node = net.node(target);
        Client c = new Client(net, new InetSocketAddress("88.8.8.8", 6881));
        NodeId me = NodeId.random(new Random(1));
        NodeId infoHash = NodeId.random(new Random(2));
        net.inject(c.at, target, KrpcCodec.encode(Message.Query.getPeers(new byte[] {1}, me, infoHash, Set.of())));
        net.drain();
        byte[] token = ((Message.Response) c.answers.get(0)).token();
        assertTrue(token != null && token.length > 0);

        net.time.addAndGet(4 * 60_000);
        net.inject(c.at, target, KrpcCodec.encode(Message.Query.announcePeer(new byte[] {2}, me, infoHash, 7777, token)));
        net.drain();
        assertInstanceOf(Message.Response.class, c.answers.get(1), "a 4-minute-old token is good");
        assertEquals(1, node.status().storedPeers());

        net.time.addAndGet(7 * 60_000);
        net.inject(c.at, target, KrpcCodec.encode(Message.Query.announcePeer(new byte[] {3}, me, infoHash, 7777, token)));
        net.drain();
        Message.Error refused = assertInstanceOf(Message.Error.class, c.answers.get(2), "an 11-minute-old token is not");
        assertEquals(Message.Error.PROTOCOL, refused.code());
    }

    /** The node still answers and still finds: a lookup from it reaches K nodes. */
    private static void assertConverges(InProcessNetwork net, DhtNode node) {
        AtomicReference<Lookup> done = new AtomicReference<>();
        assertTrue(node.startLookup(new Lookup(NodeId.random(net.random), Lookup.Kind.FIND_NODE, false,
                NodeSettings.DEFAULT.lookup()), new DhtNode.LookupListener() {
                    @Override
                    public void done(Lookup l) {
                        done.set(l);
                    }
                }));
        net.drain();
        assertEquals(8, done.get().closest().size());
    }
}
