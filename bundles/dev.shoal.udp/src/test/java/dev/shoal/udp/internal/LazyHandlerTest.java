package dev.shoal.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.udp.api.DatagramHandler;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A handler is fetched at its first datagram, once; while it cannot be had, the datagram goes on. */
class LazyHandlerTest {

    private static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 6881);

    @Test
    void fetchedOnceAtTheFirstDatagram() {
        AtomicInteger fetches = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        DatagramHandler real = (from, datagram) -> seen.add(datagram.remaining());
        LazyHandler lazy = new LazyHandler(() -> {
            fetches.incrementAndGet();
            return real;
        });
        assertEquals(0, fetches.get(), "nothing fetched before a datagram");
        assertTrue(lazy.handle(FROM, ByteBuffer.allocate(3)));
        assertTrue(lazy.handle(FROM, ByteBuffer.allocate(5)));
        assertEquals(1, fetches.get());
        assertEquals(List.of(3, 5), seen);
    }

    @Test
    void aHandlerThatCannotBeHadDeclinesAndIsAskedForAgain() {
        AtomicInteger fetches = new AtomicInteger();
        LazyHandler lazy = new LazyHandler(() -> fetches.incrementAndGet() < 2 ? null : (from, datagram) -> true);
        assertFalse(lazy.handle(FROM, ByteBuffer.allocate(1)), "no object yet: left to the next handler");
        assertTrue(lazy.handle(FROM, ByteBuffer.allocate(1)));
        assertEquals(2, fetches.get());
    }
}
