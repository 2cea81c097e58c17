package dev.shoal.dht.internal.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.dht.internal.routing.NodeId;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Thirty nodes over real UDP on 127.0.0.1: they join through one, and a get_peers finds an announcer. */
public class UdpNetworkTest {

    private static final NodeSettings V4_ONLY = NodeSettings.DEFAULT.withFamilies(true, false);

    @Test
    void thirtyNodesOnLoopbackFindAnAnnouncer() throws Exception {
        List<UdpNode> nodes = new ArrayList<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 30; i++) {
                UdpNode n = new UdpNode(V4_ONLY, null, i);
                if (i > 0) {
                    n.bootstrapFrom(nodes.get(0).address);
                }
                nodes.add(n);
            }
            ticker.scheduleWithFixedDelay(() -> nodes.forEach(n -> n.node.tick()), 0, 200, TimeUnit.MILLISECONDS);
            await(() -> nodes.stream().allMatch(n -> n.node.status().good4() >= 8), "every node knows K good nodes");

            NodeId infoHash = NodeId.random(new Random(3));
            nodes.get(7).node.searches().add(infoHash, 40000, () -> 1, p -> { });
            await(() -> nodes.stream().mapToInt(n -> n.node.status().storedPeers()).sum() >= 4,
                    "the announce is stored by the closest nodes");
            Set<InetSocketAddress> found = ConcurrentHashMap.newKeySet();
            nodes.get(22).node.searches().add(infoHash, 0, () -> 1, found::addAll);
            await(() -> found.contains(new InetSocketAddress("127.0.0.1", 40000)), "get_peers finds the announcer");
        } finally {
            ticker.shutdownNow();
            for (UdpNode n : nodes) {
                n.close();
            }
        }
    }

    /** Polls until true; the bound only catches a hang. */
    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "never happened: " + what);
            Thread.sleep(50);
        }
    }
}
