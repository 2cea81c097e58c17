package dev.shoal.peer.internal.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.peer.internal.codec.HandshakeCodec;
import dev.shoal.peer.internal.codec.WireLimits;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.handler.PeerListener;
import dev.shoal.peer.internal.handler.WireTimeouts;
import dev.shoal.peer.internal.net.PeerAcceptor;
import dev.shoal.peer.internal.net.PeerWireSettings;
import dev.shoal.peer.internal.wire.Handshake;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Reserved;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Raw sockets that break the MSE handshake against our acceptor: it closes within the sync limits,
 * long before its handshake time-out (60 s here, beyond the test's own time-out) could.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CorruptHandshakeTest {

    private static final InfoHash INFO_HASH = InfoHash.fromHex("0102030405060708090a0b0c0d0e0f1011121314");
    /** Served as well, but never named by the encrypted handshakes here. */
    private static final InfoHash OTHER = InfoHash.fromHex("ff02030405060708090a0b0c0d0e0f1011121314");
    private static final int SOCKET_TIMEOUT_MS = 25_000;
    private final Random random = new Random(11);
    private final SecureRandom secure = new SecureRandom();
    private PeerAcceptor acceptor;

    @BeforeEach
    void listen() throws Exception {
        acceptor = acceptor(60);
    }

    private PeerAcceptor acceptor(int handshakeSeconds) throws Exception {
        PeerWireSettings settings = new PeerWireSettings(PeerId.generate(random), Reserved.NONE,
                new WireTimeouts(120, 180, handshakeSeconds), WireLimits.DEFAULT, 5_000,
                PeerWireSettings.DEFAULT_PENDING).withEncryption(Encryption.REQUIRE);
        PeerAcceptor created = new PeerAcceptor(settings, BlockPool.forSwarm());
        PeerListener quiet = new PeerListener() {
            @Override
            public void connected(PeerConnection connection) {
            }

            @Override
            public void received(PeerConnection connection, PeerMessage message) {
            }

            @Override
            public void closed(PeerConnection connection, Optional<Throwable> cause) {
            }
        };
        created.register(new LocalTorrent(INFO_HASH, 4, quiet));
        created.register(new LocalTorrent(OTHER, 4, quiet));
        created.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return created;
    }

    @AfterEach
    void close() {
        acceptor.close();
    }

    private Socket connect(PeerAcceptor to) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), to.localAddress().getPort());
        socket.setSoTimeout(SOCKET_TIMEOUT_MS);
        return socket;
    }

    /** Reads until the acceptor closes; the count of bytes it sent. */
    private static int untilClosed(InputStream in) throws Exception {
        int count = 0;
        while (in.read() != -1) {
            count++;
        }
        return count;
    }

    @Test
    void randomBytesAreDroppedOnceReq1CannotComeAnyMore() throws Exception {
        try (Socket socket = connect(acceptor)) {
            byte[] noise = new byte[96 + 512 + 20];
            random.nextBytes(noise);
            noise[0] = 0x42;
            socket.getOutputStream().write(noise);
            int answered = untilClosed(socket.getInputStream());
            // Yb may never leave: the close drops what is queued.
            assertTrue(answered <= 96 + 512, "Yb and PadB at most, " + answered + " bytes");
        }
    }

    @Test
    void aTruncatedKeyIsDroppedAtTheHandshakeTimeOut() throws Exception {
        try (PeerAcceptor quick = acceptor(2); Socket socket = connect(quick)) {
            byte[] half = new byte[50];
            random.nextBytes(half);
            half[0] = 0x42;
            socket.getOutputStream().write(half);
            assertEquals(0, untilClosed(socket.getInputStream()), "no Diffie-Hellman answer to half a key");
        }
    }

    @Test
    void aWrongVerificationConstantIsDropped() throws Exception {
        try (Socket socket = connect(acceptor)) {
            request(socket, false, INFO_HASH);
            int answered = untilClosed(socket.getInputStream());
            assertTrue(answered <= 512, "PadB at most, no answer to a wrong VC: " + answered + " bytes");
        }
    }

    /** The same raw client with the right VC gets its handshake answered: the test above fails for the VC. */
    @Test
    void theRightVerificationConstantIsAnswered() throws Exception {
        try (Socket socket = connect(acceptor)) {
            Rc4 inbound = request(socket, true, INFO_HASH);
            InputStream in = socket.getInputStream();
            assertTrue(readAnswer(in, inbound), "the acceptor's VC");
            Handshake answer = new HandshakeCodec().decode(inbound.apply(in.readNBytes(Handshake.LENGTH)));
            assertEquals(INFO_HASH, answer.infoHash());
        }
    }

    @Test
    void aHandshakeNamingAnotherTorrentThanTheEncryptedOneIsDropped() throws Exception {
        try (Socket socket = connect(acceptor)) {
            Rc4 inbound = request(socket, true, OTHER);
            InputStream in = socket.getInputStream();
            // The close may drop the acceptor's answer before it leaves; if it came, nothing follows it.
            if (readAnswer(in, inbound)) {
                assertEquals(-1, in.read(), "closed without a BitTorrent handshake for the other torrent");
            }
        }
    }

    /**
     * Reads PadB up to the acceptor's ciphered VC, then crypto_select (RC4) and PadD; false when the
     * connection ends before the VC.
     */
    private static boolean readAnswer(InputStream in, Rc4 inbound) throws Exception {
        byte[] vc = inbound.apply(new byte[8]);
        int matched = 0;
        for (int read = 0; matched < vc.length; read++) {
            assertTrue(read < 512 + 8, "the VC within PadB's bound");
            int b = in.read();
            if (b == -1) {
                return false;
            }
            matched = b == (vc[matched] & 0xFF) ? matched + 1 : (b == (vc[0] & 0xFF) ? 1 : 0);
        }
        ByteBuffer select = ByteBuffer.wrap(inbound.apply(in.readNBytes(6)));
        assertEquals(MseKeys.CRYPTO_RC4, select.getInt());
        byte[] padD = inbound.apply(in.readNBytes(Short.toUnsignedInt(select.getShort())));
        assertTrue(padD.length <= 512);
        return true;
    }

    /**
     * Sends Ya, reads Yb, then sends req1, req2^req3 and ENCRYPT(VC, provide RC4, no PadC, len(IA))
     * with the IA, the VC right or not; returns the cipher of what the acceptor sends.
     */
    private Rc4 request(Socket socket, boolean rightVc, InfoHash inHandshake) throws Exception {
        MseKeys.KeyPair keys = MseKeys.KeyPair.generate(secure);
        OutputStream out = socket.getOutputStream();
        out.write(keys.publicKey());
        byte[] yb = socket.getInputStream().readNBytes(96);
        byte[] secret = keys.secret(yb);
        byte[] skey = INFO_HASH.bytes();
        Rc4 outbound = MseKeys.keyA(secret, skey);
        byte[] ia = new HandshakeCodec().encode(new Handshake(Reserved.NONE, inHandshake, PeerId.generate(random)));
        ByteBuffer header = ByteBuffer.allocate(8 + 4 + 2 + 2);
        header.putLong(rightVc ? 0 : 0x0101010101010101L).putInt(MseKeys.CRYPTO_RC4).putShort((short) 0)
                .putShort((short) ia.length);
        out.write(MseKeys.hash("req1", secret));
        out.write(MseKeys.req23(skey, secret));
        out.write(outbound.apply(header.array()));
        out.write(outbound.apply(ia));
        return MseKeys.keyB(secret, skey);
    }
}
