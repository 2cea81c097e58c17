package dev.shoal.peer.internal.net;

import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.handler.PeerHandler;
import dev.shoal.peer.internal.mse.Encryption;
import dev.shoal.peer.internal.mse.MseFilter;
import dev.shoal.peer.internal.mse.SkeyLookup;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dials peers. Each connection is for one torrent, named before the first byte is sent. Under
 * {@link Encryption#PREFER} a dial whose encrypted handshake fails (the peer closed, or said
 * nothing, before it was through) is made again in plaintext, and the peer remembered as such.
 */
public final class PeerConnector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerConnector.class);
    /** Peers remembered as plaintext-only: a few hundred bytes each. */
    private static final int REMEMBERED = 4096;

    private final NioSocketConnector connector = new NioSocketConnector();
    private final Encryption encryption;
    private final MseFilter mse;
    private final DialMemory memory = new DialMemory(REMEMBERED);

    /** Received blocks decoded into buffers from {@code blocks}. */
    public PeerConnector(PeerWireSettings settings, BlockPool blocks) {
        encryption = settings.encryption();
        mse = new MseFilter(encryption, SkeyLookup.NONE, null);
        Sessions.configure(connector, blocks, mse);
        // A dialled session knows its torrent from the start; the lookup is for incoming ones only.
        connector.setHandler(new PeerHandler(settings.peerId(), settings.reserved(), settings.timeouts(),
                settings.limits()));
        connector.setConnectTimeoutMillis(settings.connectTimeoutMs());
    }

    /**
     * Connects and handshakes; the future completes once the peer has answered for the same
     * torrent, and fails if the connect, the handshake or the connection fails first. Never blocks.
     */
    public CompletableFuture<PeerConnection> connect(InetSocketAddress peer, LocalTorrent torrent) {
        boolean encrypt = switch (encryption) {
            case REQUIRE -> true;
            case DISABLE -> false;
            case PREFER -> !memory.plaintextOnly(peer);
        };
        AtomicReference<IoSession> dialled = new AtomicReference<>();
        CompletableFuture<PeerConnection> first = dial(peer, torrent, encrypt, dialled);
        if (encryption != Encryption.PREFER || !encrypt) {
            return first;
        }
        return first.handle((connection, failure) -> {
            if (failure == null) {
                memory.worked(peer, true);
                return CompletableFuture.completedFuture(connection);
            }
            IoSession session = dialled.get();
            if (session == null || MseFilter.completed(session)) {
                return CompletableFuture.<PeerConnection>failedFuture(failure);
            }
            LOG.debug("encrypted handshake with {} failed ({}): dialling again in plaintext", peer, failure.toString());
            return dial(peer, torrent, false, new AtomicReference<>()).whenComplete((again, failedAgain) -> {
                if (failedAgain == null) {
                    memory.worked(peer, false);
                }
            });
        }).thenCompose(next -> next);
    }

    private CompletableFuture<PeerConnection> dial(InetSocketAddress peer, LocalTorrent torrent, boolean encrypt,
            AtomicReference<IoSession> dialled) {
        CompletableFuture<PeerConnection> ready = new CompletableFuture<>();
        byte[] skey = Arrays.copyOf(torrent.infoHash().bytes(), 20);
        ConnectFuture connecting = connector.connect(peer, (session, future) -> {
            dialled.set(session);
            mse.dialling(session, skey, encrypt);
            PeerHandler.dialling(session, torrent, ready);
        });
        connecting.addListener(future -> {
            if (!connecting.isConnected()) {
                ready.completeExceptionally(connecting.getException());
            }
        });
        return ready;
    }

    /** Peers remembered as answering only in plaintext. */
    int plaintextPeers() {
        return memory.size() - memory.encryptedPeers();
    }

    /** Closes every connection and stops the I/O threads. */
    @Override
    public void close() {
        connector.dispose(true);
    }
}
