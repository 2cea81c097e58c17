package dev.shoal.peer.internal.net;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerHandler;
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

    /** New handshakes for the torrent are refused; open connections stay (their owner closes them). */
    public void unregister(InfoHash infoHash) {
        torrents.remove(infoHash.truncated());
    }

    /** Stops listening, closes every connection and stops the I/O threads. */
    @Override
    public void close() {
        acceptor.unbind();
        acceptor.dispose(true);
    }
}
