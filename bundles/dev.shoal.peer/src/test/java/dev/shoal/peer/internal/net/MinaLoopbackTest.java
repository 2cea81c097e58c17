package dev.shoal.peer.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.codec.Frames;
import dev.shoal.peer.internal.codec.HandshakeCodec;
import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.peer.internal.codec.WireLimits;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.handler.WireTimeouts;
import dev.shoal.peer.internal.wire.AllowedFast;
import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.Extended;
import dev.shoal.peer.internal.wire.Handshake;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.HaveAll;
import dev.shoal.peer.internal.wire.Interested;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.Port;
import dev.shoal.peer.internal.wire.RejectRequest;
import dev.shoal.peer.internal.wire.Request;
import dev.shoal.peer.internal.wire.Reserved;
import dev.shoal.peer.internal.wire.Unchoke;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
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

/** Our acceptor and our connector, and a raw socket, talking over 127.0.0.1 in one JVM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MinaLoopbackTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final InfoHash INFO_HASH = InfoHash.fromHex("0102030405060708090a0b0c0d0e0f1011121314");
    private static final int PIECES = 12;

    private final Random random = new Random(42);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private PeerWireSettings settings(String name, WireTimeouts timeouts) {
        return new PeerWireSettings(PeerId.generate(random), Reserved.NONE.withFastExtension(true), timeouts,
                WireLimits.DEFAULT, 5_000, PeerWireSettings.DEFAULT_PENDING);
    }

    private PeerAcceptor acceptor(WireTimeouts timeouts, LocalTorrent torrent) throws Exception {
        PeerAcceptor acceptor = new PeerAcceptor(settings("acceptor", timeouts), BlockPool.forSwarm());
        open.add(acceptor);
        acceptor.register(torrent);
        acceptor.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return acceptor;
    }

    private PeerConnector connector() {
        PeerConnector connector = new PeerConnector(settings("connector", WireTimeouts.DEFAULT), BlockPool.forSwarm());
        open.add(connector);
        return connector;
    }

    private List<PeerMessage> burst() {
        List<PeerMessage> burst = new ArrayList<>();
        burst.add(new Bitfield(new byte[] {(byte) 0xFF, (byte) 0xF0}));
        burst.add(new Unchoke());
        burst.add(new AllowedFast(3));
        for (int i = 0; i < 40; i++) {
            byte[] block = new byte[WireLimits.BLOCK_LENGTH];
            random.nextBytes(block);
            burst.add(new Piece(i % PIECES, (i / PIECES) * WireLimits.BLOCK_LENGTH, block));
            burst.add(new Have(i % PIECES));
        }
        burst.add(new RejectRequest(1, 0, 16384));
        burst.add(new Port(6881));
        burst.add(new Extended(0, "d1:md11:ut_metadatai1eee".getBytes()));
        return burst;
    }

    @Test
    void connectorAndAcceptorHandshakeAndExchangeABurstOfMessages() throws Exception {
        List<PeerMessage> burst = burst();
        RecordingListener seed = new RecordingListener(connection -> burst.forEach(connection::send));
        PeerAcceptor acceptor = acceptor(WireTimeouts.DEFAULT, new LocalTorrent(INFO_HASH, PIECES, seed));
        RecordingListener leech = new RecordingListener();

        PeerConnection connection = connector().connect(acceptor.localAddress(),
                new LocalTorrent(INFO_HASH, PIECES, leech)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertTrue(connection.remote().reserved().fastExtension());
        assertTrue(connection.outgoing());
        assertEquals(burst, leech.next(burst.size(), WAIT));
        connection.send(new Interested());
        connection.send(new Request(0, 0, 16384));
        assertEquals(List.of(new Interested(), new Request(0, 0, 16384)), seed.next(2, WAIT));
        connection.close();
        assertEquals(java.util.Optional.empty(), seed.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aPeerAnsweringForAnotherTorrentIsRefused() throws Exception {
        PeerAcceptor acceptor = acceptor(WireTimeouts.DEFAULT, new LocalTorrent(INFO_HASH, PIECES, new RecordingListener()));
        InfoHash other = InfoHash.fromHex("ff".repeat(20));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> connector()
                .connect(acceptor.localAddress(), new LocalTorrent(other, PIECES, new RecordingListener()))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(failed.getCause().getMessage().contains("closed"), failed.getCause().toString());
    }

    @Test
    void bytesWrittenInRandomFragmentsDecodeToTheSameMessages() throws Exception {
        RecordingListener seed = new RecordingListener();
        PeerAcceptor acceptor = acceptor(WireTimeouts.DEFAULT, new LocalTorrent(INFO_HASH, PIECES, seed));
        List<PeerMessage> burst = burst();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        HandshakeCodec handshakes = new HandshakeCodec();
        stream.writeBytes(handshakes.encode(new Handshake(Reserved.NONE, INFO_HASH, PeerId.generate(random))));
        Frames frames = new Frames();
        burst.forEach(m -> stream.writeBytes(frames.encode(m)));
        byte[] bytes = stream.toByteArray();

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), acceptor.localAddress().getPort())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            for (int at = 0; at < bytes.length; ) {
                int chunk = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 7 : 3000));
                out.write(bytes, at, chunk);
                out.flush();
                at += chunk;
                if (random.nextInt(20) == 0) {
                    Thread.sleep(1); // lets the acceptor read a partial frame on its own
                }
            }
            Handshake answer = handshakes.decode(socket.getInputStream().readNBytes(Handshake.LENGTH));
            assertEquals(INFO_HASH, answer.infoHash());
            assertTrue(answer.reserved().fastExtension());
            assertEquals(burst, seed.next(burst.size(), WAIT));
        }
    }

    @Test
    void keepAlivesGoOutInSilenceAndASilentPeerIsDropped() throws Exception {
        PeerAcceptor acceptor = acceptor(new WireTimeouts(1, 3), new LocalTorrent(INFO_HASH, PIECES, new RecordingListener()));
        // Before the connection: nothing the acceptor times can start earlier.
        long start = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), acceptor.localAddress().getPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(new HandshakeCodec().encode(
                    new Handshake(Reserved.NONE, INFO_HASH, PeerId.generate(random))));
            InputStream in = socket.getInputStream();
            assertEquals(Handshake.LENGTH, in.readNBytes(Handshake.LENGTH).length);
            assertArrayEquals(new byte[4], in.readNBytes(4), "a keep-alive after a second of silence");
            // We stay silent: the acceptor closes, and the stream ends (the test's time-out is the bound).
            while (in.read() != -1) {
                // more keep-alives until then
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("MinaLoopbackTest: a silent peer dropped %d ms after it connected (receive time-out 3 s)%n",
                    millis);
            assertTrue(millis >= 1000, "closed after " + millis + " ms, before a keep-alive was due");
        }
    }

    @Test
    void garbageAfterTheHandshakeClosesTheConnection() throws Exception {
        RecordingListener seed = new RecordingListener();
        PeerAcceptor acceptor = acceptor(WireTimeouts.DEFAULT, new LocalTorrent(INFO_HASH, PIECES, seed));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), acceptor.localAddress().getPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(new HandshakeCodec().encode(new Handshake(Reserved.NONE, INFO_HASH, PeerId.generate(random))));
            out.write(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 7});
            InputStream in = socket.getInputStream();
            in.readNBytes(Handshake.LENGTH);
            while (in.read() != -1) {
                // until the acceptor closes
            }
            assertTrue(seed.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS).isPresent(), "closed with the decoder error");
        }
    }

    @Test
    void aFrameInTheHandshakesReadIsCheckedAgainstThePieceCount() throws Exception {
        RecordingListener seed = new RecordingListener();
        PeerAcceptor acceptor = acceptor(WireTimeouts.DEFAULT, new LocalTorrent(INFO_HASH, PIECES, seed));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(new HandshakeCodec().encode(new Handshake(Reserved.NONE, INFO_HASH, PeerId.generate(random))));
        // One past the last piece: once decoded before the handler had set the piece count, it
        // reached the swarm, whose BitSet of the peer's pieces grew to the index named.
        stream.writeBytes(new Frames().encode(new Have(PIECES)));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), acceptor.localAddress().getPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(stream.toByteArray());
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // our handshake, until the acceptor closes
            }
            Throwable cause = seed.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS).orElseThrow();
            assertTrue(cause.getMessage().contains("Have names piece " + PIECES + " of " + PIECES), cause.toString());
            assertThrows(AssertionError.class, () -> seed.next(1, Duration.ZERO), "the Have reached the listener");
        }
    }
}
