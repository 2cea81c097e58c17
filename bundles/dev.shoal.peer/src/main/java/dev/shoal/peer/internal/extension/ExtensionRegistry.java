package dev.shoal.peer.internal.extension;

import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.wire.Extended;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BEP 10 extension protocol for one torrent: sends our extended handshake to each peer that set
 * the reserved bit, keeps per connection the ids the peer chose (its handshake, which it may send
 * again) and routes each extended message to the {@link ExtensionHandler} it is for. Our ids are the
 * handlers' positions, 1 up, fixed for the registry's life. A peer that breaks the protocol (a
 * malformed handshake, an extended message without the bit, an id we never gave) is dropped with a
 * debug line; nothing is thrown to the network layer. Not thread-safe: the owner's lock guards it.
 *
 * <p>Why an internal registry and not an OSGi whiteboard of handler services: a handler works on
 * one torrent's state (its metainfo, its fetch, its peers) under that torrent's lock, and reaches
 * peers through types that are internal to this bundle. A whiteboard would need an exported SPI (a
 * versioned package for {@code ExtensionHandler}, {@code ExtensionPeer} and a per-torrent factory) for
 * two handlers that live here. The shape is kept so it can become one: handlers are independent
 * objects, named, registered in a list, and know nothing of MINA; a future whiteboard is a dynamic
 * multiple reference to handler factories in the swarm component, each asked for a handler per torrent.
 */
public final class ExtensionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ExtensionRegistry.class);
    private static final int HANDSHAKE_ID = 0;

    /** For logs: the torrent's name or hash. */
    private final String owner;
    private final Map<String, ExtensionHandler> byName = new LinkedHashMap<>();
    private final List<ExtensionHandler> byOurId;
    private final boolean weAnnounce;
    private final IntSupplier listenPort;
    private final IntSupplier requestQueue;
    private final String client;
    private final ExtensionPayloads payloads;
    private final Map<PeerConnection, Session> sessions = new HashMap<>();
    /** Told of each peer dropped for what it sent, and why. */
    private final BiConsumer<InetSocketAddress, String> dropped;

    /**
     * @param weAnnounce   whether our handshakes set the extension bit (else this registry stays silent)
     * @param requestQueue our bound on a peer's queued requests, said as {@code reqq}
     * @param maxPayload   the largest extended payload the frame limit lets through
     * @param dropped      told of each peer dropped for what it sent (to count it, or never dial it again)
     */
    public ExtensionRegistry(String owner, List<ExtensionHandler> handlers, boolean weAnnounce,
            IntSupplier listenPort, IntSupplier requestQueue, int maxPayload,
            BiConsumer<InetSocketAddress, String> dropped) {
        this.owner = owner;
        this.byOurId = List.copyOf(handlers);
        if (byOurId.size() > ExtensionHandshake.MAX_ID) {
            throw new IllegalArgumentException("at most 255 extensions");
        }
        for (ExtensionHandler handler : byOurId) {
            if (byName.put(handler.name(), handler) != null) {
                throw new IllegalArgumentException("two handlers for " + handler.name());
            }
        }
        this.weAnnounce = weAnnounce;
        this.listenPort = listenPort;
        this.requestQueue = requestQueue;
        this.client = ClientVersion.of(ExtensionRegistry.class);
        this.payloads = new ExtensionPayloads(maxPayload);
        this.dropped = dropped;
    }

    /** Both handshakes are through: when both sides set the bit, our extended handshake goes out. */
    public void connected(PeerConnection connection) {
        if (!weAnnounce || !connection.remote().reserved().extensionProtocol()) {
            return;
        }
        Session session = new Session(connection);
        sessions.put(connection, session);
        connection.send(new Extended(HANDSHAKE_ID, ourHandshake(session.address()).encode()));
    }

    /**
     * A connection another registry of the same torrent spoke with (a metadata fetch's, handed to the
     * swarm): our extended handshake goes out again, with this registry's extensions (BEP 10 lets a
     * peer send it more than once), and the peer's, {@code theirs}, is taken as received.
     */
    public void adopt(PeerConnection connection, ExtensionHandshake theirs) {
        connected(connection);
        Session session = sessions.get(connection);
        if (session == null || theirs.equals(ExtensionHandshake.NONE)) {
            return;
        }
        session.handshake = theirs;
        for (ExtensionHandler handler : byOurId) {
            handler.handshakeReceived(session);
        }
    }

    ExtensionHandshake ourHandshake(InetSocketAddress peer) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < byOurId.size(); i++) {
            ids.put(byOurId.get(i).name(), i + 1);
        }
        Optional<java.net.InetAddress> yourIp = Optional.ofNullable(peer.getAddress());
        ExtensionHandshake ours = new ExtensionHandshake(ids, Optional.of(client), listenPort.getAsInt(),
                requestQueue.getAsInt(), yourIp, -1);
        for (ExtensionHandler handler : byOurId) {
            ours = handler.describe(ours);
        }
        return ours;
    }

    public void received(PeerConnection connection, Extended message) {
        Session session = sessions.get(connection);
        if (session == null) {
            drop(connection, "an extended message, but the extension protocol was not agreed in the handshakes");
            return;
        }
        if (session.dropped) {
            return;
        }
        try {
            if (message.id() == HANDSHAKE_ID) {
                session.handshake = session.handshake.updatedBy(ExtensionHandshake.parse(message.payload(), payloads));
                for (ExtensionHandler handler : byOurId) {
                    handler.handshakeReceived(session);
                }
            } else if (message.id() <= byOurId.size()) {
                byOurId.get(message.id() - 1).received(session, message.payload());
            } else {
                throw new ExtensionException("extended message id " + message.id() + ", which we never gave out");
            }
        } catch (ExtensionException e) {
            session.drop(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{}: extension message {} from {} failed", owner, message, session.address(), e);
            session.drop("its message broke a handler: " + e);
        }
    }

    /** The peer's extended handshake so far: {@link ExtensionHandshake#NONE} before one (or without the protocol). */
    public ExtensionHandshake handshake(PeerConnection connection) {
        Session session = sessions.get(connection);
        return session == null ? ExtensionHandshake.NONE : session.handshake;
    }

    /** The connection is gone: the handlers forget the peer. */
    public void closed(PeerConnection connection) {
        Session session = sessions.remove(connection);
        if (session != null) {
            byOurId.forEach(handler -> handler.closed(session));
        }
    }

    private void drop(PeerConnection connection, String reason) {
        LOG.debug("{}: dropping {}: {}", owner, connection.remoteAddress(), reason);
        connection.close();
        dropped.accept((InetSocketAddress) connection.remoteAddress(), reason);
    }

    /** One connection, as handlers see it. */
    private final class Session implements ExtensionPeer {

        private final PeerConnection connection;
        private ExtensionHandshake handshake = ExtensionHandshake.NONE;
        private boolean dropped;

        Session(PeerConnection connection) {
            this.connection = connection;
        }

        @Override
        public InetSocketAddress address() {
            return (InetSocketAddress) connection.remoteAddress();
        }

        @Override
        public ExtensionHandshake handshake() {
            return handshake;
        }

        @Override
        public void send(String extension, byte[] payload) {
            int id = handshake.idOf(extension);
            if (id != 0 && !dropped) {
                connection.send(new Extended(id, payload));
            }
        }

        @Override
        public void drop(String reason) {
            if (!dropped) {
                dropped = true;
                ExtensionRegistry.this.drop(connection, reason);
            }
        }

        @Override
        public String toString() {
            return "peer " + address();
        }
    }
}
