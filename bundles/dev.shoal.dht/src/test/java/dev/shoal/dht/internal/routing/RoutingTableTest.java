package dev.shoal.dht.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

    private static final long MINUTE = 60_000;
    private final Random random = new Random(8);

    private NodeEntry answered(NodeId id, String ip, long now) {
        NodeEntry e = new NodeEntry(id, new InetSocketAddress(ip, 6881));
        e.responded(now);
        return e;
    }

    @Test
    void bep5StatesGoodQuestionableBad() {
        NodeEntry e = answered(NodeId.random(random), "10.0.0.1", 0);
        assertEquals(NodeEntry.State.GOOD, e.state(14 * MINUTE));
        assertEquals(NodeEntry.State.QUESTIONABLE, e.state(15 * MINUTE));
        e.queriedUs(20 * MINUTE);
        assertEquals(NodeEntry.State.GOOD, e.state(30 * MINUTE), "it answered once and queries us");
        e.failed();
        assertEquals(NodeEntry.State.GOOD, e.state(30 * MINUTE), "one lost answer is not enough");
        e.failed();
        assertEquals(NodeEntry.State.BAD, e.state(30 * MINUTE));
        NodeEntry never = new NodeEntry(NodeId.random(random), new InetSocketAddress("10.0.0.2", 1));
        never.queriedUs(0);
        assertEquals(NodeEntry.State.QUESTIONABLE, never.state(0), "a querier that never answered is not good");
    }

    @Test
    void aFullBucketKeepsGoodNodesPingsTheStalestAndSwapsABadOneForAReplacement() {
        NodeId own = NodeId.random(random);
        RoutingTable table = new RoutingTable(own, 2, true, 0);
        // Far from us (first bit differs): one bucket that never splits once the near side exists.
        NodeId far1 = own.randomWithPrefix(0, random);
        NodeId far2 = own.randomWithPrefix(0, random);
        NodeId far3 = own.randomWithPrefix(0, random);
        assertTrue(table.offer(answered(own.randomWithPrefix(5, random), "10.0.0.9", 0), 0).added());
        assertTrue(table.offer(answered(far1, "10.0.0.1", 0), 0).added());
        assertTrue(table.offer(answered(far2, "10.0.0.2", 10), 10).added());
        RoutingTable.Offer full = table.offer(answered(far3, "10.0.0.3", 20), 20);
        assertFalse(full.added());
        assertNull(full.toPing(), "good nodes are kept, nobody to ping");
        RoutingTable.Offer later = table.offer(answered(far3, "10.0.0.3", 16 * MINUTE), 16 * MINUTE);
        assertEquals(far1, later.toPing().id(), "the stalest questionable node is pinged");
        InetSocketAddress at1 = new InetSocketAddress("10.0.0.1", 6881);
        table.failed(far1, at1, 16 * MINUTE);
        table.failed(far1, at1, 17 * MINUTE);
        assertNull(table.find(far1, at1), "the bad node went");
        assertTrue(table.find(far3, new InetSocketAddress("10.0.0.3", 6881)) != null, "its replacement came in");
    }

    @Test
    void aVerifiedIdPushesOutAnUnverifiedOneAndOnePublicIpHoldsOneEntry() throws Exception {
        NodeId own = NodeId.fromHex("8000000000000000000000000000000000000000");
        RoutingTable table = new RoutingTable(own, 1, true, 0);
        // Only one bucket may exist far from us once the table has split around our id.
        table.offer(answered(NodeId.fromHex("8000000000000000000000000000000000000001"), "10.9.9.9", 0), 0);
        NodeEntry unverified = answered(NodeId.fromHex("0100000000000000000000000000000000000000"), "81.1.1.1", 0);
        assertFalse(unverified.verified());
        assertTrue(table.offer(unverified, 0).added());
        InetAddress ip = InetAddress.getByName("82.2.2.2");
        NodeId secure = SecureIds.generate(ip, random);
        while (secure.bit(0)) {
            secure = SecureIds.generate(ip, random); // one in the far half, where the unverified one sits
        }
        NodeEntry verified = answered(secure, "82.2.2.2", 0);
        assertTrue(table.offer(verified, 0).added());
        assertSame(verified, table.find(secure, verified.address()));
        assertNull(table.find(unverified.id(), unverified.address()));
        assertFalse(table.offer(new NodeEntry(NodeId.random(random), new InetSocketAddress("82.2.2.2", 7000)), 0).added(),
                "a second port on the same public IP is refused");
    }
}
