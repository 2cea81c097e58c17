package dev.shoal.peer.internal.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.peer.api.PeerInfo;
import dev.shoal.peer.internal.handler.ConnectionBounds;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small pure parts of a swarm: limits, rates, candidates. */
class SwarmPartsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aTokenBucketLetsASecondsWorthThroughThenMakesTheDebtWait() {
        TokenBucket bucket = new TokenBucket(1000, 0);
        assertEquals(0, bucket.waitNanos(0));
        bucket.take(1000, 0);
        assertTrue(bucket.waitNanos(0) > 0, "the second's worth is used up");
        bucket.take(500, 0); // a transfer already under way drives it into debt
        long wait = bucket.waitNanos(0);
        assertTrue(wait >= SECOND / 2 && wait <= SECOND / 2 + SECOND / 100, "half a second to pay 500 at 1000/s: " + wait);
        assertEquals(0, bucket.waitNanos(wait));
        assertEquals(0, new TokenBucket(0, 0).waitNanos(0), "0 is unlimited");
    }

    @Test
    void aTokenBucketNeverSavesMoreThanOneSecond() {
        TokenBucket bucket = new TokenBucket(1000, 0);
        bucket.take(1000, 0);
        bucket.take(1000, 100 * SECOND); // idle for 100 s earns at most 1 s
        assertTrue(bucket.waitNanos(100 * SECOND) > 0);
    }

    @Test
    void aRateMeterTakesTheFirstSecondAsIsThenAverages() {
        RateMeter meter = new RateMeter();
        meter.add(10_000);
        meter.tick(1000);
        assertEquals(10_000, meter.rate());
        meter.tick(1000);
        assertEquals(8_000, meter.rate(), "a silent second pulls the average down by a fifth");
        assertEquals(10_000, meter.total());
    }

    @Test
    void aRateMeterReachesExactlyZeroOnceNothingMovedForItsSpan() {
        RateMeter meter = new RateMeter();
        assertTrue(meter.atRest(), "a new meter");
        meter.add(200 << 20);
        assertFalse(meter.atRest(), "bytes not yet folded in");
        meter.tick(1000);
        for (int quiet = 1; quiet < RateMeter.QUIET_TICKS; quiet++) {
            meter.tick(1000);
            assertTrue(meter.rate() > 0, "still decaying after " + quiet + " quiet ticks");
            assertFalse(meter.atRest());
        }
        meter.tick(1000);
        assertEquals(0, meter.rate(), "200 MiB/s, then " + RateMeter.QUIET_TICKS + " quiet seconds");
        assertTrue(meter.atRest());
        meter.add(1000);
        meter.tick(1000);
        assertEquals(200, meter.rate(), "moving again: averaged from 0");
        assertFalse(meter.atRest());
    }

    @Test
    void candidatesSkipTheBannedTheBusyAndTheRecentlyTried() {
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", 1);
        InetSocketAddress b = new InetSocketAddress("127.0.0.1", 2);
        InetSocketAddress c = new InetSocketAddress("127.0.0.1", 3);
        Candidates candidates = new Candidates(10, 60_000);
        candidates.ban(c);
        candidates.offer(List.of(a, b, c), PeerInfo.TRACKER, Set.of(b), 0);
        assertEquals(1, candidates.size(), "b is connected, c banned");
        assertEquals(a, candidates.next(0, any -> true));
        candidates.offer(List.of(a), PeerInfo.TRACKER, Set.of(), 30_000);
        assertNull(candidates.next(30_000, any -> true), "a was tried half a minute ago");
        candidates.offer(List.of(a), PeerInfo.TRACKER, Set.of(), 60_000);
        assertEquals(a, candidates.next(60_000, any -> true));
        assertTrue(candidates.isBanned(c));
        assertFalse(candidates.isBanned(a));
    }

    @Test
    void candidatesAreBounded() {
        Candidates candidates = new Candidates(3, 60_000);
        for (int port = 1; port <= 100; port++) {
            candidates.offer(List.of(new InetSocketAddress("127.0.0.1", port)), PeerInfo.TRACKER, Set.of(), 0);
        }
        assertEquals(3, candidates.size());
    }

    @Test
    void connectionSlotsStopAtTheLimit() {
        ConnectionSlots slots = new ConnectionSlots(2);
        assertTrue(slots.tryAcquire());
        assertTrue(slots.tryAcquire());
        assertFalse(slots.tryAcquire());
        slots.release();
        assertTrue(slots.tryAcquire());
        assertEquals(2, slots.used());
    }

    @Test
    void connectionSlotsFollowAChangedLimit() {
        ConnectionSlots slots = new ConnectionSlots(1);
        assertTrue(slots.tryAcquire());
        assertFalse(slots.tryAcquire());
        slots.setLimit(2);
        assertTrue(slots.tryAcquire(), "raised: one more");
        slots.setLimit(1);
        assertFalse(slots.tryAcquire(), "lowered: the two open stay, no new one");
        assertEquals(2, slots.used());
    }

    @Test
    void dialsAtOnceAreBoundedPerAddressAndInTotal() throws Exception {
        HalfOpen halfOpen = new HalfOpen(new ConnectionBounds(3, 2));
        InetAddress a = InetAddress.getByName("127.0.0.1");
        InetAddress b = InetAddress.getByName("127.0.0.2");
        assertTrue(halfOpen.tryAcquire(a));
        assertTrue(halfOpen.tryAcquire(a));
        assertFalse(halfOpen.tryAcquire(a), "two to one address");
        assertTrue(halfOpen.tryAcquire(b));
        assertFalse(halfOpen.tryAcquire(b), "three in total");
        halfOpen.release(a);
        assertTrue(halfOpen.tryAcquire(b), "a dial ended: room again");
        assertEquals(3, halfOpen.total());
    }

    @Test
    void candidatesPassOverAddressesTheDialBoundRefusesAndKeepTheirPlace() {
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", 1);
        InetSocketAddress b = new InetSocketAddress("127.0.0.2", 2);
        Candidates candidates = new Candidates(10, 60_000);
        candidates.offer(List.of(a, b), PeerInfo.TRACKER, Set.of(), 0);
        assertEquals(b, candidates.next(0, address -> !address.equals(a)));
        assertEquals(a, candidates.next(0, any -> true), "a kept its place");
    }

    @Test
    void aChangedPortOrAddressIsListenedOnAtOnce() throws Exception {
        SwarmComponent service = new SwarmComponent(SwarmSettings.defaults().withListen("127.0.0.1", 0));
        try {
            int free;
            try (ServerSocket probe = new ServerSocket(0)) {
                free = probe.getLocalPort();
            }
            service.apply(SwarmSettings.defaults().withListen("127.0.0.1", free));
            assertEquals(free, service.listenPort());
        } finally {
            service.close();
        }
    }
}
