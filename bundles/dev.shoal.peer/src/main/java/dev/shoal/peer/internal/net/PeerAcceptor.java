package dev.shoal.peer.internal.net;

import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerHandler;
import dev.shoal.peer.internal.handler.PendingHandshakes;
import dev.shoal.peer.internal.mse.DhBudget;
import dev.shoal.peer.internal.mse.MseFilter;
import dev.shoal.metainfo.InfoHash;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for peers and answers handshakes for the torrents registered here; connections still in
 * their handshake are bounded ({@link PeerWireSettings#pending()}).
 */
public final class PeerAcceptor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerAcceptor.class);
    /** Ports tried after the configured one when it is taken, before any free port. */
    private static final int PORT_FALLBACKS = 10;

    private final NioSocketAcceptor acceptor = new NioSocketAcceptor();
    private final Map<InfoHash, LocalTorrent> torrents = new ConcurrentHashMap<>();
    /** The torrents again, by the hash an encrypted handshake names them with. */
    private final EncryptedNames names = new EncryptedNames();
    private final DhBudget dhBudget;

    /** Received blocks decoded into buffers from {@code blocks}. */
    public PeerAcceptor(PeerWireSettings settings, BlockPool blocks) {
        dhBudget = new DhBudget(settings.encryptedHandshakesPerSecond());
        Sessions.configure(acceptor, blocks, new MseFilter(settings.encryption(), names, dhBudget));
        acceptor.setReuseAddress(true);
        acceptor.setHandler(new PeerHandler(settings.peerId(), settings.reserved(), settings.timeouts(),
                settings.limits(), infoHash -> Optional.ofNullable(torrents.get(infoHash)),
                new PendingHandshakes(settings.pending())));
    }

    /** Starts listening; port 0 picks a free one (see {@link #localAddress()}). */
    public void bind(InetSocketAddress address) throws IOException {
        acceptor.bind(address);
    }

    /**
     * Listens on {@code port}; when it is taken and {@code fallBack} allows, on the next free of the
     * {@value #PORT_FALLBACKS} after it, else on any free port.
     */
    public void bindFirstFree(String host, int port, boolean fallBack) throws IOException {
        try {
            bind(new InetSocketAddress(host, port));
            return;
        } catch (IOException e) {
            if (!fallBack || port == 0) {
                throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
            }
        }
        for (int next = port + 1; next <= Math.min(65535, port + PORT_FALLBACKS); next++) {
            try {
                bind(new InetSocketAddress(host, next));
                LOG.warn("port {} is taken; listening on {}", port, next);
                return;
            } catch (IOException e) {
                // taken as well: try the next
            }
        }
        bind(new InetSocketAddress(host, 0));
        LOG.warn("ports {}..{} are taken; listening on {}", port, port + PORT_FALLBACKS, localAddress().getPort());
    }

    /** Listens on {@code host:port} instead, or keeps the old address and says why not. */
    public synchronized void rebind(String host, int port) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IOException("port out of range 0..65535: " + port);
        }
        InetSocketAddress old = localAddress();
        InetSocketAddress wanted = new InetSocketAddress(host, port);
        if (old != null && old.getPort() == port && old.getAddress().equals(wanted.getAddress())) {
            return;
        }
        unbind();
        try {
            bind(wanted);
        } catch (IOException e) {
            if (old != null) {
                bind(old);
            }
            throw new IOException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    public InetSocketAddress localAddress() {
        return acceptor.getLocalAddress();
    }

    public void register(LocalTorrent torrent) {
        torrents.put(torrent.infoHash(), torrent);
        names.add(torrent.infoHash());
    }

    /**
     * New handshakes for the torrent are refused; open connections stay (their owner closes them).
     * A newer registration of the same info-hash stays.
     */
    public void unregister(LocalTorrent torrent) {
        if (torrents.remove(torrent.infoHash(), torrent) && !torrents.containsKey(torrent.infoHash())) {
            names.remove(torrent.infoHash());
        }
    }

    /** Diffie-Hellman exchanges computed for incoming encrypted handshakes so far. */
    public long encryptedHandshakes() {
        return dhBudget.granted();
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
