package dev.shoal.dht.internal;

import static dev.shoal.dht.internal.node.UdpNetworkTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.dht.api.DhtStatus;
import dev.shoal.dht.internal.node.NodeSettings;
import dev.shoal.dht.internal.node.UdpNode;
import dev.shoal.dht.internal.routing.NodeId;
import dev.shoal.engine.api.PeerLookup;
import dev.shoal.engine.api.PeerSink;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.udp.api.UdpPort;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** The component on a stand-in for the shared UDP port: it claims DHT datagrams, finds peers, saves dht.dat. */
class DhtComponentTest {

    /** The shared port's contract on a plain channel, handing what arrives to the component. */
    private static final class ChannelPort implements UdpPort, AutoCloseable {
        final DatagramChannel channel;

        ChannelPort() throws IOException {
            channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        }

        void deliverTo(DhtComponent component) {
            UdpNode.receiveOn(channel, component::handle);
        }

        @Override
        public int port() {
            return channel.socket().getLocalPort();
        }

        @Override
        public boolean send(InetSocketAddress to, ByteBuffer datagram) {
            try {
                channel.send(datagram, to);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static BundleContext context(Path dataDir) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) ->
                        method.getName().equals("getProperty") && DhtComponent.DATA_DIR_PROPERTY.equals(args[0])
                                ? dataDir.toString() : null);
    }

    /** The defaults, with no bootstrap node: nothing leaves loopback. */
    private static DhtComponent.Config config() {
        return (DhtComponent.Config) Proxy.newProxyInstance(DhtComponent.Config.class.getClassLoader(),
                new Class<?>[] {DhtComponent.Config.class}, (proxy, method, args) ->
                        method.getName().equals("bootstrapNodes") ? new String[0] : method.getDefaultValue());
    }

    private static DhtComponent.Config bootstrapFrom(String hostPort) {
        return (DhtComponent.Config) Proxy.newProxyInstance(DhtComponent.Config.class.getClassLoader(),
                new Class<?>[] {DhtComponent.Config.class}, (proxy, method, args) ->
                        method.getName().equals("bootstrapNodes") ? new String[] {hostPort} : method.invoke(config(), args));
    }

    private static DhtComponent.Config disabled() {
        return (DhtComponent.Config) Proxy.newProxyInstance(DhtComponent.Config.class.getClassLoader(),
                new Class<?>[] {DhtComponent.Config.class}, (proxy, method, args) ->
                        method.getName().equals("enabled") ? false : method.invoke(config(), args));
    }

    @Test
    void findsPeersForTheEngineAndKeepsItsIdAcrossARestart(@TempDir Path dataDir) throws Exception {
        NodeSettings v4 = NodeSettings.DEFAULT.withFamilies(true, false);
        try (ChannelPort port = new ChannelPort(); UdpNode announcer = new UdpNode(v4, null, 1);
                UdpNode keeper = new UdpNode(v4, null, 2)) {
            DhtComponent component = new DhtComponent(context(dataDir), config());
            component.port = port;
            port.deliverTo(component);
            await(() -> component.node() != null, "the node starts");
            assertFalse(component.handle(announcer.address, ByteBuffer.wrap("d1:a".getBytes())), "too short");
            assertFalse(component.handle(announcer.address, ByteBuffer.wrap(new byte[40])), "not bencoded");

            InetSocketAddress entry = new InetSocketAddress("127.0.0.1", port.port());
            announcer.bootstrapFrom(entry);
            keeper.bootstrapFrom(entry);
            Thread ticker = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    announcer.node.tick();
                    keeper.node.tick();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            ticker.start();
            try {
                await(() -> keeper.node.status().good4() >= 2 && announcer.node.status().good4() >= 2, "joined");
                byte[] hash = new byte[20];
                new Random(4).nextBytes(hash);
                announcer.node.searches().add(NodeId.of(hash), 5555, () -> 1, p -> { });
                await(() -> keeper.node.status().storedPeers() >= 1, "announced");

                Set<InetSocketAddress> found = ConcurrentHashMap.newKeySet();
                PeerLookup lookup = component.lookup(InfoHash.v1(hash), 6881, new PeerSink() {
                    @Override
                    public void found(Collection<InetSocketAddress> peers) {
                        found.addAll(peers);
                    }

                    @Override
                    public int peersWanted() {
                        return 1;
                    }
                });
                await(() -> found.contains(new InetSocketAddress("127.0.0.1", 5555)), "the engine hears of the peer");
                lookup.close();
                String shown = component.dht();
                assertTrue(shown.contains("node id " + component.node().id()), shown);
                assertTrue(shown.contains("torrents searched 0"), "a closed lookup is gone: " + shown);
                DhtStatus status = component.status();
                assertEquals(component.node().id().toString(), status.nodeId());
                assertTrue(status.goodIpv4() >= 2, "the two nodes that joined: " + status);
                assertTrue(status.incomingQueries() > 0, status.toString());
                assertTrue(shown.startsWith("DHT " + status.health() + " "), "shoal:dht says the same: " + shown);
            } finally {
                ticker.interrupt();
                ticker.join();
            }
            NodeId id = component.node().id();
            component.deactivate();
            assertTrue(Files.size(dataDir.resolve("dht.dat")) > 20);

            DhtComponent restarted = new DhtComponent(context(dataDir), config());
            restarted.port = port;
            await(() -> restarted.node() != null, "the node starts again");
            assertEquals(id, restarted.node().id(), "the id comes back from dht.dat");
            restarted.modified(disabled());
            await(() -> restarted.node() == null, "the node stops when disabled");
            assertEquals(DhtStatus.OFF, restarted.status());
            restarted.deactivate();
        }
    }

    /**
     * A bootstrap name whose DNS fails at start is resolved again on the component's own thread, and
     * the node joins through the node it names once it answers (after the first 5 s backoff).
     */
    @Test
    void aBootstrapNameThatFailsAtStartIsResolvedAgain(@TempDir Path dataDir) throws Exception {
        NodeSettings v4 = NodeSettings.DEFAULT.withFamilies(true, false);
        AtomicInteger asked = new AtomicInteger();
        try (ChannelPort port = new ChannelPort(); UdpNode router = new UdpNode(v4, null, 1)) {
            DhtComponent component = new DhtComponent(context(dataDir),
                    bootstrapFrom("router.dht.invalid:" + router.address.getPort()), host -> {
                        if (asked.incrementAndGet() == 1) {
                            throw new UnknownHostException(host + ": Temporary failure in name resolution");
                        }
                        return InetAddress.getAllByName("127.0.0.1");
                    });
            component.port = port;
            port.deliverTo(component);
            try {
                await(() -> component.status().goodIpv4() >= 1, "joined through the name resolved on retry");
                assertEquals(2, asked.get(), "failed once, answered the second time");
                assertTrue(router.node.status().incomingQueries() > 0);
            } finally {
                component.deactivate();
            }
        }
    }
}
