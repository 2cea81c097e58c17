package dev.shoal.peer.internal.net;

import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.handler.PeerHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.transport.socket.nio.NioSocketConnector;

/** Dials peers. Each connection is for one torrent, named before the first byte is sent. */
public final class PeerConnector implements AutoCloseable {

    private final NioSocketConnector connector = new NioSocketConnector();

    /** Received blocks decoded into buffers from {@code blocks}. */
    public PeerConnector(PeerWireSettings settings, BlockPool blocks) {
        Sessions.configure(connector, blocks);
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
        CompletableFuture<PeerConnection> ready = new CompletableFuture<>();
        ConnectFuture connecting = connector.connect(peer,
                (session, future) -> PeerHandler.dialling(session, torrent, ready));
        connecting.addListener(future -> {
            if (!connecting.isConnected()) {
                ready.completeExceptionally(connecting.getException());
            }
        });
        return ready;
    }

    /** Closes every connection and stops the I/O threads. */
    @Override
    public void close() {
        connector.dispose(true);
    }
}
