package dev.shoal.dht.internal.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.dht.internal.krpc.Compact;
import dev.shoal.dht.internal.krpc.KrpcCodec;
import dev.shoal.dht.internal.krpc.Message;
import dev.shoal.dht.internal.routing.NodeId;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** BEP 32: dual-stack nodes keep one table per family, answer "want", and find peers of both families. */
class DualStackTest {

    @Test
    void dualStackNodesFillBothTablesAndAnswerWhatIsWanted() throws Exception {
        InProcessNetwork net = new InProcessNetwork(21);
        InetSocketAddress first = InProcessNetwork.address(0);
        net.add(first, InProcessNetwork.address6(0), NodeSettings.DEFAULT, null, List.of());
        for (int i = 1; i < 60; i++) {
            // The router has both families, as dht.libtorrent.org does; each query wants n4 and n6.
            net.add(InProcessNetwork.address(i), InProcessNetwork.address6(i), NodeSettings.DEFAULT, null,
                    List.of(first, InProcessNetwork.address6(0)));
            net.advance(200);
        }
        net.run(60);
        for (DhtNode n : net.nodes()) {
            NodeStatus s = n.status();
            assertTrue(s.good4() >= 8 && s.good6() >= 8, "both tables filled: " + s);
        }

        DhtNode target = net.node(InProcessNetwork.address(9));
        List<Message> answers = new ArrayList<>();
        InetSocketAddress client = new InetSocketAddress("99.1.1.1", 7000);
        net.listen(client, (from, bytes) -> {
            try {
                answers.add(KrpcCodec.decode(bytes));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        NodeId me = NodeId.random(new Random(1));
        for (Set<Message.Want> want : List.of(Set.<Message.Want>of(), Set.of(Message.Want.N6),
                Set.of(Message.Want.N4, Message.Want.N6))) {
            net.inject(client, InProcessNetwork.address(9),
                    KrpcCodec.encode(Message.Query.findNode(new byte[] {1}, me, me, want)));
        }
        net.drain();
        Message.Response byDefault = (Message.Response) answers.get(0);
        Message.Response only6 = (Message.Response) answers.get(1);
        Message.Response both = (Message.Response) answers.get(2);
        assertEquals(8, byDefault.nodes().size(), "an IPv4 querier gets IPv4 nodes by default");
        assertEquals(0, byDefault.nodes6().size());
        assertEquals(0, only6.nodes().size());
        assertEquals(8, only6.nodes6().size());
        assertEquals(8, both.nodes().size());
        assertEquals(8, both.nodes6().size());
        assertTrue(both.nodes6().stream().allMatch(n -> Compact.isV6(n.address())));

        NodeId infoHash = NodeId.random(new Random(2));
        net.nodes().get(30).searches().add(infoHash, 6000, () -> 1, p -> { });
        net.drain();
        Set<InetSocketAddress> seen = new HashSet<>();
        target.searches().add(infoHash, 0, () -> 1, seen::addAll);
        net.drain();
        assertEquals(Set.of(new InetSocketAddress(InProcessNetwork.address(30).getAddress(), 6000),
                new InetSocketAddress(InProcessNetwork.address6(30).getAddress(), 6000)), seen,
                "the announcer is found under both of its addresses");
    }
}
