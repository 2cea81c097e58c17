package dev.shoal.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.udp.api.DatagramHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared socket on 127.0.0.1: dispatch, claims, counters and the send queue. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedSocketTest {

    private final Handlers handlers = new Handlers();
    private SharedSocket socket;
    private final Loopback peer;

    SharedSocketTest() throws IOException {
        peer = new Loopback();
    }

    @AfterEach
    void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        peer.close();
    }

    private SharedSocket bound() throws IOException {
        socket = new SharedSocket(handlers, 16);
        socket.bind(0);
        return socket;
    }

    /** A handler that notes "name:text" of what it is offered and claims what starts with {@code claims}. */
    private static DatagramHandler recording(String name, String claims, BlockingQueue<String> seen) {
        return (from, datagram) -> {
            byte[] bytes = new byte[datagram.remaining()];
            datagram.get(bytes); // reads to the end: the next handler must still see it all
            String text = new String(bytes, StandardCharsets.US_ASCII);
            seen.add(name + ":" + text);
            return text.startsWith(claims);
        };
    }

    private void add(String name, int order, DatagramHandler handler) {
        handlers.add(handler, order, 0, name);
    }

    private Handlers.DispatchCounts counts() {
        return socket.status().dispatch();
    }

    @Test
    void handlersAreAskedInOrderUntilOneClaims() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        // Added out of order: the order property decides, not arrival.
        add("tracker", DatagramHandler.ORDER_TRACKER, recording("tracker", "t", seen));
        add("utp", DatagramHandler.ORDER_UTP, recording("utp", "u", seen));
        add("dht", DatagramHandler.ORDER_DHT, recording("dht", "d", seen));
        int port = bound().port();

        peer.sendTo(port, "d1:ad2:id20:");
        peer.sendTo(port, "tx");
        peer.sendTo(port, "u-first");
        assertEquals(List.of("utp:d1:ad2:id20:", "dht:d1:ad2:id20:", "utp:tx", "dht:tx", "tracker:tx", "utp:u-first"),
                take(seen, 6));
        Loopback.await(() -> counts().claimedByHandler().values().stream().mapToLong(Long::longValue).sum() == 3,
                "three claims counted: " + socket.status());
        assertEquals(List.of("utp@100", "dht@200", "tracker@300"), List.copyOf(counts().claimedByHandler().keySet()),
                "the status lists handlers in the order they are asked");
        assertEquals(Map.of("utp@100", 1L, "dht@200", 1L, "tracker@300", 1L), counts().claimedByHandler());
        assertEquals(3, counts().received());
        assertEquals(0, counts().unclaimed());
        assertTrue(seen.isEmpty(), "asked after a claim: " + seen);
    }

    @Test
    void theSenderAndAReadOnlyViewOfTheBytesAreWhatAHandlerGets() throws Exception {
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        add("probe", 1, (from, datagram) -> {
            seen.add(from);
            seen.add(datagram.isReadOnly());
            return true;
        });
        peer.sendTo(bound().port(), "x");
        InetSocketAddress from = (InetSocketAddress) seen.poll(Loopback.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(peer.address().getPort(), from.getPort());
        assertEquals(InetAddress.getLoopbackAddress(), from.getAddress(), "an IPv4 sender, not an IPv4-mapped one");
        assertEquals(true, seen.poll(Loopback.WAIT.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Test
    void aThrowingHandlerDoesNotStopTheDispatch() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        add("broken", DatagramHandler.ORDER_UTP, (from, datagram) -> {
            throw new IllegalStateException("handler bug");
        });
        add("dht", DatagramHandler.ORDER_DHT, recording("dht", "d", seen));
        int port = bound().port();
        peer.sendTo(port, "d-one");
        peer.sendTo(port, "d-two");
        assertEquals(List.of("dht:d-one", "dht:d-two"), take(seen, 2));
        Loopback.await(() -> counts().claimedByHandler().get("dht@200") == 2, "two claims: " + socket.status());
        assertEquals(2, counts().handlerFailures());
        assertEquals(0, counts().unclaimed());
    }

    @Test
    void whatNobodyClaimsIsCounted() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        DatagramHandler dht = recording("dht", "d", seen);
        add("dht", DatagramHandler.ORDER_DHT, dht);
        int port = bound().port();
        peer.sendTo(port, "nobody's");
        assertEquals(List.of("dht:nobody's"), take(seen, 1));
        Loopback.await(() -> counts().unclaimed() == 1, "one unclaimed: " + socket.status());
        assertEquals(0, counts().claimedByHandler().get("dht@200"));

        handlers.remove(dht);
        peer.sendTo(port, "d-after-removal");
        Loopback.await(() -> counts().unclaimed() == 2, "a removed handler is not asked: " + socket.status());
        assertTrue(seen.isEmpty(), seen.toString());
    }

    @Test
    void aFullSendQueueDropsAndCounts() throws Exception {
        socket = new SharedSocket(handlers, 3, false);
        socket.bind(0);
        InetSocketAddress to = peer.address();
        for (int i = 0; i < 5; i++) {
            ByteBuffer datagram = ByteBuffer.wrap(("q" + i).getBytes(StandardCharsets.US_ASCII));
            assertEquals(i < 3, socket.send(to, datagram), "send " + i);
            assertEquals(0, datagram.position(), "the caller's buffer is left as it was");
        }
        assertEquals(2, socket.status().droppedSends());
        socket.startSending();
        assertEquals("q0", peer.receive());
        assertEquals("q1", peer.receive());
        assertEquals("q2", peer.receive());
        Loopback.await(() -> socket.status().sent() == 3, "three sent: " + socket.status());
        assertTrue(socket.send(to, ByteBuffer.wrap("again".getBytes(StandardCharsets.US_ASCII))), "room once drained");
        assertEquals("again", peer.receive());
        assertFalse(socket.send(to, ByteBuffer.allocate(SharedSocket.MAX_DATAGRAM + 1)), "larger than UDP allows");
        assertEquals(3, socket.status().droppedSends());
    }

    @Test
    void aTakenPortIsRefusedAndTheOldSocketStays() throws Exception {
        int port = bound().port();
        try (DatagramChannel other = DatagramChannel.open().bind(new InetSocketAddress(0))) {
            int taken = ((InetSocketAddress) other.getLocalAddress()).getPort();
            assertThrows(IOException.class, () -> socket.bind(taken));
        }
        assertEquals(port, socket.port());
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        add("any", 1, recording("any", "", seen));
        peer.sendTo(port, "still here");
        assertEquals(List.of("any:still here"), take(seen, 1));
    }

    @Test
    void aClosedSocketRefusesToSend() throws Exception {
        bound().close();
        assertEquals(0, socket.port());
        assertFalse(socket.send(peer.address(), ByteBuffer.allocate(1)));
    }

    static List<String> take(BlockingQueue<String> seen, int n) throws InterruptedException {
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String next = seen.poll(Loopback.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                break;
            }
            taken.add(next);
        }
        return taken;
    }
}
