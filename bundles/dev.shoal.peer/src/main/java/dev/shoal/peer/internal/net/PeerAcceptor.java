package dev.shoal.peer.internal.net;

import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerHandler;
import dev.shoal.peer.internal.handler.PendingHandshakes;
import dev.shoal.peer.internal.mse.DhBudget;
import dev.shoal.peer.internal.mse.MseFilter;
import dev.shoal.metainfo.InfoHash;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.UnsupportedAddressTypeException;
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

    private final FamilyFilter familyFilter = new FamilyFilter(AddressFamilies.BOTH);
    /** What was asked for last: a rebind to the same is nothing to do. */
    private Listen listening;

    /** Where to listen as configured; the port actually bound may differ (0, or a fallback). */
    private record Listen(String host, AddressFamilies families, int port) {
    }

    /** Received blocks decoded into buffers from {@code blocks}. */
    public PeerAcceptor(PeerWireSettings settings, BlockPool blocks) {
        dhBudget = new DhBudget(settings.encryptedHandshakesPerSecond());
        Sessions.configure(acceptor, blocks, new MseFilter(settings.encryption(), names, dhBudget));
        // Before MSE and the codec: a connection of a family turned off is closed before a byte is read.
        acceptor.getFilterChain().addFirst(FamilyFilter.NAME, familyFilter);
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
     * Listens on {@code host:port}. On every interface ({@code 0.0.0.0}, {@code ::}, {@code *} or
     * empty), {@code families} decides: an IPv6 socket, which Java makes dual-stack (it clears
     * IPV6_V6ONLY) so that it takes IPv4 peers too; where the system will not, a second socket on
     * {@code 0.0.0.0} and the same port; IPv4 only where there is no IPv6. A connection of a family
     * turned off is closed as it comes ({@link FamilyFilter}): the socket may take both anyway.
     */
    private void listen(String host, AddressFamilies families, int port) throws IOException {
        familyFilter.set(families);
        if (!AddressFamilies.isEveryInterface(host)) {
            bind(new InetSocketAddress(host, port));
            return;
        }
        if (!families.listensOnIpv6()) {
            bind(new InetSocketAddress("0.0.0.0", port));
            return;
        }
        try {
            bind(new InetSocketAddress("::", port));
        } catch (IOException | UnsupportedAddressTypeException e) {
            if (taken(e)) {
                throw e instanceof IOException io ? io : new IOException(e);
            }
            if (families == AddressFamilies.IPV6) {
                throw new IOException("no IPv6 here: " + e.getMessage(), e);
            }
            LOG.info("no IPv6 here ({}): listening on IPv4 only", e.toString());
            bind(new InetSocketAddress("0.0.0.0", port));
            return;
        }
        if (families == AddressFamilies.BOTH) {
            int bound = localAddress().getPort();
            try {
                bind(new InetSocketAddress("0.0.0.0", bound));
                LOG.info("the IPv6 socket takes IPv6 only here: IPv4 peers on a socket of their own, port {}", bound);
            } catch (IOException e) {
                // Taken by our own dual-stack socket: it takes IPv4 peers already.
            }
        }
    }

    /**
     * Listens on {@code port}; when it is taken and {@code fallBack} allows, on the next free of the
     * {@value #PORT_FALLBACKS} after it, else on any free port.
     */
    public synchronized void bindFirstFree(String host, AddressFamilies families, int port, boolean fallBack)
            throws IOException {
        listening = new Listen(host, families, port);
        try {
            listen(host, families, port);
            return;
        } catch (IOException e) {
            if (!fallBack || port == 0) {
                throw new IOException("cannot listen on " + where(host, port) + ": " + e.getMessage(), e);
            }
        }
        for (int next = port + 1; next <= Math.min(65535, port + PORT_FALLBACKS); next++) {
            try {
                listen(host, families, next);
                LOG.warn("port {} is taken; listening on {}", port, next);
                return;
            } catch (IOException e) {
                // taken as well: try the next
            }
        }
        listen(host, families, 0);
        LOG.warn("ports {}..{} are taken; listening on {}", port, port + PORT_FALLBACKS, localAddress().getPort());
    }

    /**
     * Listens on {@code host:port} for {@code families} instead, or keeps the old sockets and says
     * why not.
     */
    public synchronized void rebind(String host, AddressFamilies families, int port) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IOException("port out of range 0..65535: " + port);
        }
        Listen wanted = new Listen(host, families, port);
        InetSocketAddress old = localAddress();
        if (old != null && old.getPort() == port && wanted.equals(listening)) {
            return;
        }
        Listen was = listening;
        unbind();
        try {
            listen(host, families, port);
            listening = wanted;
        } catch (IOException e) {
            if (old != null && was != null) {
                listen(was.host(), was.families(), old.getPort());
            }
            // The system's answer names the address already; the port leads, as the engine and users say it.
            throw new IOException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** MINA wraps the system's answer: a port in use is a BindException somewhere in the causes. */
    private static boolean taken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static String where(String host, int port) {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The first socket listening (the dual-stack one, where there are two), or null. */
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
