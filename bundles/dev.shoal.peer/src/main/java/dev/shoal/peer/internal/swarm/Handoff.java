package dev.shoal.peer.internal.swarm;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.api.PeerInfo;
import dev.shoal.peer.internal.codec.WireLimits;
import dev.shoal.peer.internal.extension.ExtensionHandshake;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.handler.PeerListener;
import dev.shoal.peer.internal.wire.PeerMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of a magnet's metadata fetch, from their handshake until the torrent's swarm takes
 * them over, so that a peer reached once is not dialled again when the metadata is in (a reconnect
 * per peer, and the loss of those that will not be dialled: behind NAT, or that dialled us). As
 * libtorrent keeps its connections when the metadata comes, the torrent object existing from the
 * start.
 *
 * <p>It is the wire's listener for the fetch's info-hash and passes each event on to its owner:
 * the {@link MetadataFetchSession} first; nobody once the metadata is verified ({@link #park}: the
 * connections wait, their global slots held, for the engine to make the torrent and join its swarm,
 * or until {@link ParkedConnections} gives up on them); then the swarm ({@link #adopt}). Until the
 * swarm owns them, what each peer says of its pieces is kept ({@link HeardPieces}) for the swarm to
 * hear. Nothing else needs replaying: during the fetch we send no bitfield (optional when we have
 * nothing, and only allowed as the first message, so the swarm says what it has with haves).
 * Thread-safe; events are passed on outside its own lock.
 */
final class Handoff implements PeerListener {

    private static final Logger LOG = LoggerFactory.getLogger(Handoff.class);

    private final LocalTorrent local;
    private final ConnectionSlots slots;
    private final int maxPieces;
    /** The connections whose pieces are being heard: all until parked, the fetch's own after. */
    private final Map<PeerConnection, HeardPieces> heard = new LinkedHashMap<>();
    /** The peers' extended handshakes and sources, as the fetch had them when it parked its connections. */
    private final Map<PeerConnection, Parked> handshakes = new HashMap<>();
    /** Who hears the events: the fetch, null while parked, then the swarm. */
    private PeerListener owner;
    private boolean adopted;
    private boolean closed;
    /** The piece count the swarm said; its messages are checked against it. */
    private int pieceCount = WireLimits.UNKNOWN_PIECE_COUNT;

    Handoff(InfoHash infoHash, ConnectionSlots slots, WireLimits limits, PeerListener fetch) {
        this.local = new LocalTorrent(infoHash, WireLimits.UNKNOWN_PIECE_COUNT, this);
        this.slots = slots;
        this.maxPieces = limits.maxBitfieldLength() * 8;
        this.owner = fetch;
    }

    LocalTorrent local() {
        return local;
    }

    InfoHash infoHash() {
        return local.infoHash();
    }

    /**
     * The metadata is in: {@code taken} (the fetch's connections, each holding a global slot, with
     * the peer's extended handshake and where we learned of it) wait for the swarm; any other
     * connection closes.
     */
    synchronized void park(Map<PeerConnection, Parked> taken) {
        owner = null;
        heard.keySet().retainAll(taken.keySet());
        handshakes.putAll(taken);
        for (PeerConnection connection : taken.keySet()) {
            heard.computeIfAbsent(connection, any -> new HeardPieces(maxPieces));
        }
    }

    /** The connections parked; nothing more is kept of them here. */
    synchronized Map<PeerConnection, Adopted> adopt(PeerListener swarm, int pieces) {
        Map<PeerConnection, Adopted> out = new LinkedHashMap<>();
        if (closed || adopted) {
            return out;
        }
        adopted = true;
        owner = swarm;
        pieceCount = pieces;
        for (Map.Entry<PeerConnection, HeardPieces> entry : heard.entrySet()) {
            PeerConnection connection = entry.getKey();
            // From now on the wire checks bitfields and indices against the torrent.
            connection.expectPieces(pieces);
            Parked parked = handshakes.getOrDefault(connection, Parked.UNKNOWN);
            out.put(connection, new Adopted(entry.getValue(), parked.handshake(), parked.source()));
        }
        heard.clear();
        handshakes.clear();
        return out;
    }

    /** Nobody took them in time (or the peer wire stops): every parked connection closes, its slot freed. */
    void close() {
        List<PeerConnection> parked;
        synchronized (this) {
            if (closed || adopted) {
                return;
            }
            closed = true;
            parked = new ArrayList<>(heard.keySet());
            heard.clear();
            handshakes.clear();
        }
        for (PeerConnection connection : parked) {
            slots.release();
            connection.close();
        }
        if (!parked.isEmpty()) {
            LOG.debug("metadata {}: no swarm took its {} connections; closed", local.infoHash(), parked.size());
        }
    }

    /** What the fetch leaves of a connection it parks: the peer's extensions and its source (PeerInfo's). */
    record Parked(ExtensionHandshake handshake, String source) {
        static final Parked UNKNOWN = new Parked(ExtensionHandshake.NONE, PeerInfo.UNKNOWN);
    }

    /** A parked connection, as the swarm takes it: what the peer said of its pieces, its extensions, its source. */
    record Adopted(HeardPieces pieces, ExtensionHandshake handshake, String source) {
    }

    // --- the wire's events ---------------------------------------------------------------------

    @Override
    public void connected(PeerConnection connection) {
        PeerListener to;
        synchronized (this) {
            to = owner;
            if (to != null && !adopted) {
                heard.put(connection, new HeardPieces(maxPieces));
            }
        }
        if (to == null || adopted) {
            // A dial finishing after the fetch ended: it holds a slot the fetch took for it.
            if (connection.outgoing()) {
                slots.release();
            }
            connection.close();
            return;
        }
        to.connected(connection);
    }

    @Override
    public void received(PeerConnection connection, PeerMessage message) {
        PeerListener to;
        synchronized (this) {
            to = owner;
            if (!adopted) {
                HeardPieces pieces = heard.get(connection);
                if (pieces != null) {
                    pieces.hear(message);
                }
            } else {
                // Decoded before the wire knew the piece count: checked here instead.
                String problem = PieceIndices.problem(message, pieceCount);
                if (problem != null) {
                    LOG.debug("closing {}: {}", connection.remoteAddress(), problem);
                    connection.close();
                    return;
                }
            }
        }
        if (to != null) {
            to.received(connection, message);
        }
    }

    @Override
    public void sent(PeerConnection connection, PeerMessage message) {
        PeerListener to;
        synchronized (this) {
            to = owner;
        }
        if (to != null) {
            to.sent(connection, message);
        }
    }

    @Override
    public void closed(PeerConnection connection, Optional<Throwable> cause) {
        PeerListener to;
        synchronized (this) {
            to = owner;
            boolean parked = heard.remove(connection) != null && to == null && !closed;
            handshakes.remove(connection);
            if (parked) {
                slots.release();
            }
        }
        if (to != null) {
            to.closed(connection, cause);
        }
    }
}
