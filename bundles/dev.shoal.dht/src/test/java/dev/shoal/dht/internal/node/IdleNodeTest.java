package dev.shoal.dht.internal.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.dht.internal.routing.NodeId;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node ticks when its work is due, not every second: offline it sleeps between bootstrap attempts
 * whatever the number of torrents it searches for, and with queries out it ticks every second.
 */
class IdleNodeTest {

    private static final NodeSettings V4_ONLY = NodeSettings.DEFAULT.withFamilies(true, false);

    @Test
    void anOfflineNodeWithAThousandSearchesSleepsBetweenBootstrapAttempts() {
        InProcessNetwork net = new InProcessNetwork(7);
        InetSocketAddress nowhere = InProcessNetwork.address(99); // a router nobody runs: no answer ever
        List<byte[]> asked = new ArrayList<>();
        net.listen(nowhere, (from, bytes) -> asked.add(bytes));
        DhtNode node = net.add(InProcessNetwork.address(1), V4_ONLY, null, List.of(nowhere));
        for (int i = 0; i < 1000; i++) {
            node.searches().add(NodeId.random(net.random), 6881, () -> 50, peers -> { });
        }
        net.run(30 * 60);

        // Bootstrap attempts 5, 10, 20 ... s apart up to 5 min, each with a query out for a few
        // seconds; the rest of the half hour asleep (a tick every second would be 1,800).
        long ticks = net.ticks();
        assertTrue(ticks < 200, ticks + " ticks in 30 minutes");
        assertTrue(asked.size() >= 8, "the bootstrap still asks its router: " + asked.size());
        assertEquals(0, node.status().lookupsRunning());
    }

    @Test
    void aNodeWithQueriesOutTicksEverySecondUntilTheyExpire() {
        InProcessNetwork net = new InProcessNetwork(8);
        InetSocketAddress nowhere = InProcessNetwork.address(99);
        net.listen(nowhere, (from, bytes) -> { });
        DhtNode node = net.add(InProcessNetwork.address(1), V4_ONLY, null, List.of(nowhere));
        net.advance(1000);
        long now = net.time.get();
        assertEquals(now + DhtNode.BUSY_TICK_MILLIS, node.nextTickAt(), "a bootstrap query is out");
        net.run(60);
        assertTrue(node.nextTickAt() > net.time.get() + DhtNode.BUSY_TICK_MILLIS,
                "its query timed out: asleep until the next attempt");
    }
}
