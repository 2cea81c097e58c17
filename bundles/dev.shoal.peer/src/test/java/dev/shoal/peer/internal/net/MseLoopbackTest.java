package dev.shoal.peer.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.peer.internal.codec.HandshakeCodec;
import dev.shoal.peer.internal.codec.WireLimits;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.handler.WireTimeouts;
import dev.shoal.peer.internal.mse.Encryption;
import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.Handshake;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.Interested;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.Request;
import dev.shoal.peer.internal.wire.Reserved;
import dev.shoal.peer.internal.wire.Unchoke;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Message Stream Encryption between our acceptor and connector, and raw sockets, over 127.0.0.1. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MseLoopbackTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final InfoHash INFO_HASH = InfoHash.fromHex("0102030405060708090a0b0c0d0e0f1011121314");
    private static final int PIECES = 12;

    private final Random random = new Random(7);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private PeerWireSettings settings(Encryption encryption, WireTimeouts timeouts) {
        return new PeerWireSettings(PeerId.generate(random), Reserved.NONE.withFastExtension(true), timeouts,
                WireLimits.DEFAULT, 5_000, PeerWireSettings.DEFAULT_PENDING).withEncryption(encryption);
    }

    private PeerAcceptor acceptor(PeerWireSettings settings, RecordingListener listener) throws Exception {
        PeerAcceptor acceptor = new PeerAcceptor(settings, BlockPool.forSwarm());
        open.add(acceptor);
        acceptor.register(new LocalTorrent(INFO_HASH, PIECES, listener));
        acceptor.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return acceptor;
    }

    private PeerConnector connector(Encryption encryption) {
        PeerConnector connector = new PeerConnector(settings(encryption, WireTimeouts.DEFAULT), BlockPool.forSwarm());
        open.add(connector);
        return connector;
    }

    private List<PeerMessage> burst() {
        List<PeerMessage> burst = new ArrayList<>();
        burst.add(new Bitfield(new byte[] {(byte) 0xFF, (byte) 0xF0}));
        burst.add(new Unchoke());
        for (int i = 0; i < 40; i++) {
            byte[] block = new byte[WireLimits.BLOCK_LENGTH];
            random.nextBytes(block);
            burst.add(new Piece(i % PIECES, (i / PIECES) * WireLimits.BLOCK_LENGTH, block));
            burst.add(new Have(i % PIECES));
        }
        return burst;
    }

    /** Dials with {@code dialler} a seed at {@code acceptorPolicy}, and checks messages go both ways. */
    private PeerConnection exchange(Encryption acceptorPolicy, PeerConnector dialler) throws Exception {
        List<PeerMessage> burst = burst();
        RecordingListener seed = new RecordingListener(connection -> burst.forEach(connection::send));
        PeerAcceptor acceptor = acceptor(settings(acceptorPolicy, WireTimeouts.DEFAULT), seed);
        RecordingListener leech = new RecordingListener();
        PeerConnection connection = dialler.connect(acceptor.localAddress(),
                new LocalTorrent(INFO_HASH, PIECES, leech)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(burst, leech.next(burst.size(), WAIT));
        connection.send(new Interested());
        connection.send(new Request(0, 0, 16384));
        assertEquals(List.of(new Interested(), new Request(0, 0, 16384)), seed.next(2, WAIT));
        PeerConnection theirs = seed.connected.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(connection.encrypted(), theirs.encrypted(), "both ends agree on what was chosen");
        return connection;
    }

    @Test
    void requireDialsRc4AndEveryByteGoesThroughIt() throws Exception {
        assertTrue(exchange(Encryption.PREFER, connector(Encryption.REQUIRE)).encrypted());
    }

    @Test
    void preferOnBothEndsChoosesRc4() throws Exception {
        assertTrue(exchange(Encryption.PREFER, connector(Encryption.PREFER)).encrypted());
    }

    @Test
    void requireAcceptsRequire() throws Exception {
        assertTrue(exchange(Encryption.REQUIRE, connector(Encryption.REQUIRE)).encrypted());
    }

    @Test
    void disabledDialsAndIsAcceptedInPlaintext() throws Exception {
        assertFalse(exchange(Encryption.PREFER, connector(Encryption.DISABLE)).encrypted());
    }

    @Test
    void preferFallsBackToPlaintextAndRemembersThePeer() throws Exception {
        PeerConnector connector = connector(Encryption.PREFER);
        assertFalse(exchange(Encryption.DISABLE, connector).encrypted());
        assertEquals(1, connector.plaintextPeers(), "the peer is remembered as plaintext-only");
    }

    @Test
    void requireRefusesAPlaintextDialler() throws Exception {
        RecordingListener seed = new RecordingListener();
        PeerAcceptor acceptor = acceptor(settings(Encryption.REQUIRE, WireTimeouts.DEFAULT), seed);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> connector(Encryption.DISABLE)
                .connect(acceptor.localAddress(), new LocalTorrent(INFO_HASH, PIECES, new RecordingListener()))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(failed.getCause().getMessage().contains("closed"), failed.getCause().toString());
        assertFalse(seed.connected.isDone());
    }

    @Test
    void requireRefusesARawPlaintextHandshakeWithoutAnswering() throws Exception {
        PeerAcceptor acceptor = acceptor(settings(Encryption.REQUIRE, WireTimeouts.DEFAULT), new RecordingListener());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), acceptor.localAddress().getPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(new HandshakeCodec().encode(
                    new Handshake(Reserved.NONE, INFO_HASH, PeerId.generate(random))));
            assertEquals(-1, socket.getInputStream().read(), "closed without a byte of answer");
        }
    }

    @Test
    void disableRefusesAnEncryptedDialler() throws Exception {
        RecordingListener seed = new RecordingListener();
        PeerAcceptor acceptor = acceptor(settings(Encryption.DISABLE, WireTimeouts.DEFAULT), seed);
        assertThrows(ExecutionException.class, () -> connector(Encryption.REQUIRE)
                .connect(acceptor.localAddress(), new LocalTorrent(INFO_HASH, PIECES, new RecordingListener()))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertFalse(seed.connected.isDone());
    }

    @Test
    void anEncryptedDialForATorrentWeDoNotServeIsRefused() throws Exception {
        PeerAcceptor acceptor = acceptor(settings(Encryption.PREFER, WireTimeouts.DEFAULT), new RecordingListener());
        InfoHash other = InfoHash.fromHex("ff".repeat(20));
        assertThrows(ExecutionException.class, () -> connector(Encryption.REQUIRE)
                .connect(acceptor.localAddress(), new LocalTorrent(other, PIECES, new RecordingListener()))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    /**
     * A thousand connections that send a Diffie-Hellman key and nothing more: the acceptor computes
     * at most its budget of exchanges per second, closes the rest, and still serves a real peer.
     */
    @Test
    void aFloodOfHalfOpenEncryptedHandshakesLeavesTheNodeServing() throws Exception {
        int perSecond = 50;
        PeerWireSettings settings = settings(Encryption.PREFER, WireTimeouts.DEFAULT)
                .withEncryptedHandshakesPerSecond(perSecond);
        RecordingListener seed = new RecordingListener();
        PeerAcceptor acceptor = acceptor(settings, seed);
        long start = System.nanoTime();
        List<Socket> flood = new ArrayList<>();
        try {
            byte[] ya = new byte[96];
            for (int i = 0; i < 1000; i++) {
                Socket socket = new Socket();
                flood.add(socket);
                socket.connect(acceptor.localAddress(), (int) WAIT.toMillis());
                random.nextBytes(ya);
                ya[0] = 0x55; // not the plain handshake's first byte
                socket.getOutputStream().write(ya);
            }
            PeerConnector connector = connector(Encryption.REQUIRE);
            PeerConnection served = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (served == null && System.nanoTime() < deadline) {
                try {
                    served = connector.connect(acceptor.localAddress(),
                            new LocalTorrent(INFO_HASH, PIECES, new RecordingListener()))
                            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // Refused while the budget of this second or the handshake slots were taken: again.
                    Thread.sleep(100);
                }
            }
            assertTrue(served != null && served.encrypted(), "a real peer was served during the flood");
            double seconds = (System.nanoTime() - start) / 1e9;
            long computed = acceptor.encryptedHandshakes();
            System.out.printf("MseLoopbackTest: 1000 half-open handshakes, %d Diffie-Hellman exchanges computed in "
                    + "%.1f s (budget %d/s)%n", computed, seconds, perSecond);
            assertTrue(computed <= perSecond * (Math.ceil(seconds) + 1), computed + " exchanges in " + seconds + " s");
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
        }
    }
}
