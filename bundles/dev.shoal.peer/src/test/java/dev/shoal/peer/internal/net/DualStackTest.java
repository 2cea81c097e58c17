package dev.shoal.peer.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.test.support.Ipv6Loopback;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Listening on both families: one acceptor on every interface takes peers dialling 127.0.0.1 and
 * ::1, and with one family turned off closes the other's connections before answering them; our
 * connector dials an IPv6 peer. Only loopback addresses are dialled.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DualStackTest {

    private static final long WAIT_SECONDS = 15;
    private static final InfoHash INFO_HASH = InfoHash.fromHex("0102030405060708090a0b0c0d0e0f1011121314");
    private static final InetAddress V4 = loopback("127.0.0.1");
    private static final InetAddress V6 = loopback("::1");

    private final Random random = new Random(7);
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void needsIpv6Loopback() {
        Ipv6Loopback.require();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private static InetAddress loopback(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private PeerAcceptor listening(String host, AddressFamilies families) throws IOException {
        PeerAcceptor acceptor = new PeerAcceptor(PeerWireSettings.defaults(PeerId.generate(random)),
                BlockPool.forSwarm());
        open.add(acceptor);
        acceptor.register(new LocalTorrent(INFO_HASH, 4, new RecordingListener()));
        acceptor.bindFirstFree(host, families, 0, false);
        return acceptor;
    }

    private PeerConnection dial(InetAddress host, PeerAcceptor acceptor) throws Exception {
        PeerConnector connector = new PeerConnector(PeerWireSettings.defaults(PeerId.generate(random)),
                BlockPool.forSwarm());
        open.add(connector);
        return connector.connect(new InetSocketAddress(host, acceptor.localAddress().getPort()),
                new LocalTorrent(INFO_HASH, 4, new RecordingListener())).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void everyInterfaceMeansBothFamiliesOnOnePort() throws Exception {
        PeerAcceptor acceptor = listening("0.0.0.0", AddressFamilies.BOTH);
        assertTrue(acceptor.localAddress().getAddress().isAnyLocalAddress(), acceptor.localAddress().toString());

        PeerConnection overV4 = dial(V4, acceptor);
        PeerConnection overV6 = dial(V6, acceptor);

        assertEquals(V4, ((InetSocketAddress) overV4.remoteAddress()).getAddress());
        assertTrue(((InetSocketAddress) overV6.remoteAddress()).getAddress() instanceof Inet6Address,
                overV6.remoteAddress().toString());
    }

    /** The wildcard as written three ways; the family turned off is refused whatever the socket takes. */
    @ParameterizedTest
    @CsvSource({"::, IPV4", "'', IPV6", "0.0.0.0, IPV6"})
    void withOneFamilyAPeerOfTheOtherIsClosedUnanswered(String host, AddressFamilies families) throws Exception {
        PeerAcceptor acceptor = listening(host, families);
        InetAddress allowed = families == AddressFamilies.IPV4 ? V4 : V6;
        InetAddress refused = families == AddressFamilies.IPV4 ? V6 : V4;

        dial(allowed, acceptor);
        ExecutionException closed = assertThrows(ExecutionException.class, () -> dial(refused, acceptor));
        assertTrue(closed.getCause() instanceof IOException, closed.getCause().toString());
    }

    @Test
    void aSpecificAddressIsListenedOnAlone() throws Exception {
        PeerAcceptor acceptor = listening("::1", AddressFamilies.BOTH);

        assertEquals(V6, acceptor.localAddress().getAddress());
        dial(V6, acceptor);
        assertThrows(ExecutionException.class, () -> dial(V4, acceptor));
    }

    @Test
    void aRebindToOneFamilyTakesEffect() throws Exception {
        PeerAcceptor acceptor = listening("0.0.0.0", AddressFamilies.BOTH);
        int port = acceptor.localAddress().getPort();
        dial(V6, acceptor);

        acceptor.rebind("0.0.0.0", AddressFamilies.IPV4, port);

        dial(V4, acceptor);
        assertThrows(ExecutionException.class, () -> dial(V6, acceptor));
    }
}
