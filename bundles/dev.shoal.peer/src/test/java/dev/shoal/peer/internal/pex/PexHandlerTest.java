package dev.shoal.peer.internal.pex;

import static dev.shoal.peer.internal.pex.PexMessageTest.v4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.peer.internal.extension.ExtensionException;
import dev.shoal.peer.internal.extension.ExtensionHandshake;
import dev.shoal.peer.internal.extension.ExtensionPayloads;
import dev.shoal.peer.internal.extension.ExtensionPeer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rules of exchanging peers: diffs, the cap, one message a minute each way, ourselves left out. */
class PexHandlerTest {

    private static final ExtensionPayloads PAYLOADS = new ExtensionPayloads(1 << 20);
    private static final int OUR_PORT = 6881;

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<List<InetSocketAddress>> learned = new ArrayList<>();
    private final PexHandler handler = new PexHandler("test", PAYLOADS, now::get, () -> OUR_PORT, learned::add);
    private final List<PexPeer> connected = new ArrayList<>();

    /** A peer speaking ut_pex, listening on {@code listenPort}, that records what we send it. */
    private static final class Peer implements ExtensionPeer {
        final InetSocketAddress address;
        final ExtensionHandshake handshake;
        final List<PexMessage> sent = new ArrayList<>();

        Peer(InetSocketAddress address, int listenPort, Optional<InetAddress> yourIp) {
            this.address = address;
            this.handshake = new ExtensionHandshake(Map.of("ut_pex", 3), Optional.empty(), listenPort, 0, yourIp, -1);
        }

        @Override
        public InetSocketAddress address() {
            return address;
        }

        @Override
        public ExtensionHandshake handshake() {
            return handshake;
        }

        @Override
        public void send(String extension, byte[] payload) {
            try {
                sent.add(PexMessage.parse(payload, PAYLOADS, Integer.MAX_VALUE));
            } catch (ExtensionException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void drop(String reason) {
            throw new AssertionError("dropped: " + reason);
        }
    }

    private Peer join(int last) {
        Peer peer = new Peer(v4(last, 40000 + last), 7000 + last, Optional.empty());
        handler.handshakeReceived(peer);
        return peer;
    }

    private void tick() {
        handler.tick(() -> List.copyOf(connected));
    }

    @Test
    void theFirstMessageNamesEveryPeerButItselfThenOnlyTheChangesOncePerMinute() {
        connected.add(new PexPeer(v4(1, 7001), PexPeer.CONNECTABLE));
        connected.add(new PexPeer(v4(2, 7002), PexPeer.SEED));
        Peer peer = join(1);
        tick();
        assertEquals(1, peer.sent.size());
        assertEquals(List.of(new PexPeer(v4(2, 7002), PexPeer.SEED)), peer.sent.get(0).added(),
                "its own listen address is not news to it");

        connected.remove(1);
        connected.add(new PexPeer(v4(3, 7003), 0));
        now.addAndGet(PexHandler.SEND_INTERVAL_MILLIS - 1);
        tick();
        assertEquals(1, peer.sent.size(), "at most one message a minute");
        now.addAndGet(1);
        tick();
        assertEquals(2, peer.sent.size());
        assertEquals(List.of(new PexPeer(v4(3, 7003), 0)), peer.sent.get(1).added());
        assertEquals(List.of(v4(2, 7002)), peer.sent.get(1).dropped());

        now.addAndGet(PexHandler.SEND_INTERVAL_MILLIS);
        tick();
        assertEquals(2, peer.sent.size(), "nothing changed: nothing sent");
    }

    @Test
    void atMostFiftyAddedPerMessageTheRestInTheNext() {
        for (int i = 0; i < 120; i++) {
            connected.add(new PexPeer(new InetSocketAddress("10.1." + i / 200 + "." + (i % 200 + 1), 9000), 0));
        }
        Peer peer = join(250);
        List<InetSocketAddress> told = new ArrayList<>();
        for (int message = 0; message < 3; message++) {
            tick();
            now.addAndGet(PexHandler.SEND_INTERVAL_MILLIS);
            PexMessage last = peer.sent.get(peer.sent.size() - 1);
            assertTrue(last.added().size() <= PexHandler.MAX_ADDED, "at most 50: " + last.added().size());
            last.added().forEach(p -> told.add(p.address()));
        }
        assertEquals(3, peer.sent.size());
        assertEquals(connected.stream().map(PexPeer::address).toList(), told);
    }

    @Test
    void takesAtMostFiftyNewPeersPerMessageAndLeavesUsOut() throws Exception {
        Peer peer = new Peer(v4(1, 40001), 7001, Optional.of(InetAddress.getByName("192.0.2.7")));
        handler.handshakeReceived(peer);
        List<PexPeer> added = new ArrayList<>();
        added.add(new PexPeer(new InetSocketAddress("192.0.2.7", OUR_PORT), 0));
        added.add(new PexPeer(new InetSocketAddress("127.0.0.1", OUR_PORT), 0));
        added.add(new PexPeer(v4(9, 9), 0));
        added.add(new PexPeer(v4(9, 9), PexPeer.SEED));
        for (int i = 0; i < 10_000; i++) {
            added.add(new PexPeer(new InetSocketAddress("10.2." + i / 250 + "." + (i % 250 + 1), 1000), 0));
        }
        handler.received(peer, new PexMessage(added, List.of()).encode());
        assertEquals(1, learned.size());
        List<InetSocketAddress> taken = learned.get(0);
        assertEquals(v4(9, 9), taken.get(0), "ourselves left out, the duplicate once");
        assertEquals(PexHandler.MAX_ADDED - 3, taken.size(), "only the first 50 of the message are read");
        assertEquals(taken.size(), handler.learnedCount());
    }

    @Test
    void messagesSooner45sAfterTheLastAreIgnored() throws Exception {
        Peer peer = join(1);
        byte[] one = new PexMessage(List.of(new PexPeer(v4(5, 5), 0)), List.of()).encode();
        byte[] two = new PexMessage(List.of(new PexPeer(v4(6, 6), 0)), List.of()).encode();
        handler.received(peer, one);
        for (int i = 0; i < 1000; i++) {
            now.addAndGet(40);
            handler.received(peer, two);
        }
        assertEquals(List.of(List.of(v4(5, 5))), learned);
        assertEquals(1000, handler.ignoredCount());
        now.addAndGet(PexHandler.MIN_RECEIVE_INTERVAL_MILLIS);
        handler.received(peer, two);
        assertEquals(List.of(v4(6, 6)), learned.get(1));
    }

    @Test
    void aMalformedMessageIsIgnoredNotFatal() throws Exception {
        Peer peer = join(1);
        handler.received(peer, "d5:added7:1234567e".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(learned.isEmpty());
        assertEquals(1, handler.ignoredCount());
    }

    @Test
    void aPeerThatLeftIsForgotten() {
        connected.add(new PexPeer(v4(2, 7002), 0));
        Peer peer = join(1);
        handler.closed(peer);
        tick();
        assertTrue(peer.sent.isEmpty());
    }
}
