package dev.shoal.peer.internal.net;

import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerHandler;
import dev.shoal.metainfo.InfoHash;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;

/** Listens for peers and answers handshakes for the torrents registered here. */
public final class PeerAcceptor implements AutoCloseable {

    private final NioSocketAcceptor acceptor = new NioSocketAcceptor();
    private final Map<InfoHash, LocalTorrent> torrents = new ConcurrentHashMap<>();

    public PeerAcceptor(PeerWireSettings settings) {
        Sessions.configure(acceptor);
        acceptor.setReuseAddress(true);
        acceptor.setHandler(new PeerHandler(settings.peerId(), settings.reserved(), settings.timeouts(),
                settings.limits(), infoHash -> Optional.ofNullable(torrents.get(infoHash))));
    }

    /** Starts listening; port 0 picks a free one (see {@link #localAddress()}). */
    public void bind(InetSocketAddress address) throws IOException {
        acceptor.bind(address);
    }

    public InetSocketAddress localAddress() {
        return acceptor.getLocalAddress();
    }

    public void register(LocalTorrent torrent) {
        torrents.put(torrent.infoHash(), torrent);
    }

    /**
     * New handshakes for the torrent are refused; open connections stay (their owner closes them).
     * A newer registration of the same info-hash stays.
     */
    public void unregister(LocalTorrent torrent) {
        torrents.remove(torrent.infoHash(), torrent);
    }

    /** Stops listening; connections stay. {@link #bind} may follow. */
    public void unbind() {
        acceptor.unbind();
    }

    /** Stops listening, closes every connection and stops the I/O threads. */
    @Override
    public void close() {
        acceptor.unbind();
        acceptor.dispose(true);
    }
}
