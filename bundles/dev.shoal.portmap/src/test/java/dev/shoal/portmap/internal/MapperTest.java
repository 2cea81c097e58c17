package dev.shoal.portmap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.portmap.api.Mapping;
import dev.shoal.portmap.api.PortMapStatus;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The mapper with a router of the test's own and a clock of its own: what {@code shoal:portmap}
 * shows while a router is slow to answer, and when the mapper says it must be woken next.
 */
@Timeout(30)
class MapperTest {

    private static final Set<Mapper.Port> PORTS = Set.of(new Mapper.Port(Transport.TCP, 6881));
    private static final Settings ON = new Settings(true, true, true, Set.of(), 3600, 60);

    private final AtomicLong clock = new AtomicLong(1_000_000);

    @Test
    void mappingIsShownOnWhileTheFirstRouterIsSlowToAnswer() throws Exception {
        CountDownLatch calling = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        Router slow = new FakeRouter() {
            @Override
            public Grant map(Transport transport, int port, long leaseSeconds) throws IOException {
                calling.countDown();
                await(answer);
                return super.map(transport, port, leaseSeconds);
            }
        };
        Mapper mapper = mapper(slow);
        CompletableFuture<Long> tick = CompletableFuture.supplyAsync(() -> mapper.tick(PORTS));
        assertTrue(calling.await(10, TimeUnit.SECONDS), "the router was asked");
        // What a daemon showed for its first seconds (SSDP waits that long): "port mapping off".
        PortMapStatus meanwhile = mapper.status();
        assertTrue(meanwhile.enabled(), meanwhile.toString());
        assertEquals(List.of("eth0 via 192.168.1.1"), meanwhile.gateways());
        assertEquals(List.of(Mapping.PENDING), meanwhile.mappings().stream().map(Mapping::state).toList());
        answer.countDown();
        tick.get(10, TimeUnit.SECONDS);
        assertEquals(Mapping.MAPPED, mapper.status().mappings().get(0).state());
    }

    @Test
    void aTickSaysWhenTheNextRenewalOrRescanIsDueAndNothingIsAskedBefore() {
        FakeRouter router = new FakeRouter();
        router.lease = 100;
        Mapper mapper = mapper(router);
        long start = clock.get();
        // Lease 100 s, renewed at half: 50 s, before the 60 s rescan.
        assertEquals(start + 50_000, mapper.tick(PORTS));
        assertEquals(1, router.asked);
        clock.addAndGet(49_999);
        assertEquals(start + 50_000, mapper.tick(PORTS), "nothing due yet");
        assertEquals(1, router.asked);
        clock.set(start + 50_000);
        // Renewed: next at 100 s; the rescan at 60 s comes first.
        assertEquals(start + 60_000, mapper.tick(PORTS));
        assertEquals(2, router.asked);
        clock.set(start + 60_000);
        assertEquals(start + 100_000, mapper.tick(PORTS), "rescanned, the same gateway: the renewal is next");
        assertEquals(2, router.asked);
        assertEquals(2, router.finds, "looked at the gateways at start and at 60 s");
    }

    @Test
    void aFailureIsRetriedAfterTheBackoffAndOffSleepsForever() {
        FakeRouter router = new FakeRouter();
        router.refuse = true;
        Mapper mapper = mapper(router);
        long start = clock.get();
        assertEquals(start + MappingJob.FIRST_RETRY_S * 1000, mapper.tick(PORTS));
        assertEquals(Mapping.FAILED, mapper.status().mappings().get(0).state());
        assertEquals("no", mapper.status().mappings().get(0).note());
        mapper.reconfigure(new Settings(false, true, true, Set.of(), 3600, 60));
        assertEquals(Long.MAX_VALUE, mapper.tick(PORTS));
        assertFalse(mapper.status().enabled());
    }

    private Mapper mapper(Router router) {
        return new Mapper(ON, interfaces -> {
            if (router instanceof FakeRouter fake) {
                fake.finds++;
            }
            return List.of(gateway());
        }, (g, s) -> new ArrayList<>(List.of(router)), clock::get);
    }

    private static Gateway gateway() {
        try {
            return new Gateway("eth0", (Inet4Address) InetAddress.getByName("192.168.1.20"),
                    (Inet4Address) InetAddress.getByName("192.168.1.1"), false);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static class FakeRouter implements Router {
        long lease = 3600;
        boolean refuse;
        int asked;
        int finds;

        @Override
        public String method() {
            return Mapping.PCP;
        }

        @Override
        public String describe() {
            return "eth0 via 192.168.1.1";
        }

        @Override
        public Grant map(Transport transport, int port, long leaseSeconds) throws IOException {
            asked++;
            if (refuse) {
                throw new IOException("no");
            }
            return new Grant(port, lease, null, "");
        }

        @Override
        public void unmap(Transport transport, int port) {
        }
    }
}
