package dev.shoal.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.peer.api.SwarmService;
import dev.shoal.udp.api.DatagramHandler;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The component's port: configured, following the peer wire's TCP port, or a free one when taken. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UdpPortComponentTest {

    private final AtomicInteger tcpPort = new AtomicInteger();
    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private UdpPortComponent component;

    @AfterEach
    void deactivate() {
        if (component != null) {
            component.deactivate();
        }
    }

    static UdpPortComponent.Config config(int port) {
        return new UdpPortComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return UdpPortComponent.Config.class;
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public int sendQueueLength() {
                return 64;
            }
        };
    }

    /** The peer wire, reduced to the port it listens on. */
    private SwarmService swarms() {
        return (SwarmService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SwarmService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "listenPort" -> tcpPort.get();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Activates as DS does: constructor, references, then activate. */
    private UdpPortComponent activate(int configuredPort, SwarmService swarms) throws IOException {
        component = new UdpPortComponent(config(configuredPort), null);
        if (swarms != null) {
            component.bindSwarms(swarms);
        }
        component.handlers().add((from, datagram) -> {
            byte[] bytes = new byte[datagram.remaining()];
            datagram.get(bytes);
            return seen.add(new String(bytes));
        }, DatagramHandler.ORDER_DHT);
        component.activate();
        return component;
    }

    /** The port answers: a datagram sent there reaches the handler. */
    private void assertReceivesOn(int port) throws Exception {
        try (Loopback peer = new Loopback()) {
            peer.sendTo(port, "hello " + port);
            assertEquals("hello " + port, seen.poll(Loopback.WAIT.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    private static boolean free(int port) {
        try (DatagramChannel probe = DatagramChannel.open().bind(new InetSocketAddress(port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void withoutThePeerWireAnyFreePort() throws Exception {
        int port = activate(0, null).port();
        assertTrue(port > 0);
        assertReceivesOn(port);
    }

    @Test
    void followsTheTcpPortAndItsMoves() throws Exception {
        tcpPort.set(Loopback.freePort());
        assertEquals(tcpPort.get(), activate(0, swarms()).port(), "the UDP port is the TCP port");
        assertReceivesOn(component.port());

        int was = tcpPort.get();
        tcpPort.set(Loopback.freePort()); // the peer wire moved without a service event
        Loopback.await(() -> component.port() == tcpPort.get(), "followed to " + tcpPort + ": " + component.port());
        assertReceivesOn(tcpPort.get());
        assertTrue(free(was), "the old port is released");
    }

    @Test
    void thePollSlowsDownWhileThePortStaysPutAndHurriesAfterAMove() {
        List<Long> paces = new ArrayList<>();
        long seconds = UdpPortComponent.FOLLOW_FIRST_SECONDS;
        for (int i = 0; i < 8; i++) {
            seconds = UdpPortComponent.nextPollSeconds(false, seconds);
            paces.add(seconds);
        }
        assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 300L, 300L, 300L), paces);
        assertEquals(UdpPortComponent.FOLLOW_FIRST_SECONDS, UdpPortComponent.nextPollSeconds(true, seconds));
    }

    @Test
    void aTakenTcpPortFallsBackToAFreeOne() throws Exception {
        try (DatagramChannel holder = DatagramChannel.open().bind(new InetSocketAddress(0))) {
            tcpPort.set(((InetSocketAddress) holder.getLocalAddress()).getPort());
            int port = activate(0, swarms()).port();
            assertNotEquals(tcpPort.get(), port);
            assertTrue(port > 0);
            assertReceivesOn(port);
            component.modified(config(0)); // the same wish again: no new port, no new warning
            assertEquals(port, component.port());
        }
    }

    @Test
    void modifiedRebindsToTheConfiguredPort() throws Exception {
        int first = Loopback.freePort();
        assertEquals(first, activate(first, null).port());
        int second = Loopback.freePort();
        component.modified(config(second));
        assertEquals(second, component.port());
        assertReceivesOn(second);
        assertTrue(free(first), "the old port is released");

        // Back to following: the configured port gives way to the TCP port once the peer wire is there.
        tcpPort.set(Loopback.freePort());
        component.bindSwarms(swarms());
        component.modified(config(0));
        assertEquals(tcpPort.get(), component.port());
        assertEquals(List.of(), List.copyOf(seen));
    }
}
