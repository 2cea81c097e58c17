package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.api.SwarmListener;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.wire.PeerId;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a swarm is connected to, and who it dials: addresses waiting ({@link Candidates}), connections
 * being made, admission of the new ones (connection limits, bans, ourselves, duplicates), and the
 * global connection slots they hold. Under the swarm's lock.
 */
final class PeerRoster {

    private static final Logger LOG = LoggerFactory.getLogger(PeerRoster.class);
    private static final long PEERS_WANTED_MILLIS = 30_000;
    private static final long RETRY_ADDRESS_MILLIS = 60_000;

    private final String name;
    private final SwarmLock lock;
    private final SwarmContext context;
    private final PeerId ourId;
    private final Clock clock;
    private final LocalTorrent local;
    private final SwarmListener listener;
    /** True once every piece is here: a complete swarm asks trackers for no more peers while it has some. */
    private final BooleanSupplier complete;
    private final Candidates candidates;
    private final Map<PeerConnection, PeerState> peers = new LinkedHashMap<>();
    private final Set<InetSocketAddress> dialling = new HashSet<>();
    private final Set<PeerId> bannedIds = new HashSet<>();
    private long lastPeersWantedMillis = Long.MIN_VALUE / 2;
    private boolean closed;

    PeerRoster(String name, SwarmLock lock, SwarmContext context, PeerId ourId, Clock clock, LocalTorrent local,
            SwarmListener listener, BooleanSupplier complete) {
        this.name = name;
        this.lock = lock;
        this.context = context;
        this.ourId = ourId;
        this.clock = clock;
        this.local = local;
        this.listener = listener;
        this.complete = complete;
        this.candidates = new Candidates(context.settings().maxCandidates(), RETRY_ADDRESS_MILLIS);
    }

    Collection<PeerState> all() {
        return peers.values();
    }

    PeerState get(PeerConnection connection) {
        return peers.get(connection);
    }

    int size() {
        return peers.size();
    }

    int candidates() {
        return candidates.size();
    }

    int banned() {
        return candidates.bannedCount();
    }

    boolean closed() {
        return closed;
    }

    /** Addresses to dial, but those connected, being dialled, banned or tried lately. */
    void offer(Collection<InetSocketAddress> addresses) {
        Set<InetSocketAddress> busy = new HashSet<>(dialling);
        for (PeerState peer : peers.values()) {
            busy.add(peer.address);
        }
        candidates.offer(addresses, busy, clock.millis());
        dial();
    }

    /**
     * Dials while the torrent's and the global limits allow; with nobody left to dial and slots free,
     * asks for peers (at most every {@link #PEERS_WANTED_MILLIS}).
     */
    void dial() {
        int limit = context.settings().connectionsPerTorrent();
        while (!closed && peers.size() + dialling.size() < limit && candidates.size() > 0
                && context.slots().tryAcquire()) {
            InetSocketAddress address = candidates.next(clock.millis());
            dialling.add(address);
            context.connect(address, local).whenComplete((connection, failure) ->
                    lock.run(() -> dialled(address, failure)));
        }
        if (!closed && candidates.size() == 0 && peers.size() < limit
                && clock.millis() - lastPeersWantedMillis >= PEERS_WANTED_MILLIS
                && !(complete.getAsBoolean() && !peers.isEmpty())) {
            lastPeersWantedMillis = clock.millis();
            listener.peersWanted();
        }
    }

    private void dialled(InetSocketAddress address, Throwable failure) {
        dialling.remove(address);
        if (failure != null) {
            // The connection (or its handshake) never came; admit() did not take the slot over.
            context.slots().release();
            LOG.debug("{}: could not reach {}: {}", name, address, failure.toString());
            dial();
        }
    }

    /** A connection is through both handshakes: the peer joins, or the connection is closed and null returned. */
    PeerState admit(PeerConnection connection) {
        InetSocketAddress address = (InetSocketAddress) connection.remoteAddress();
        String refusal = refusal(connection, address, connection.remote().peerId());
        if (refusal == null && !connection.outgoing() && !context.slots().tryAcquire()) {
            refusal = "the global connection limit is reached";
        }
        if (refusal != null) {
            LOG.debug("{}: refusing {}: {}", name, address, refusal);
            if (connection.outgoing()) {
                context.slots().release();
            }
            connection.close();
            return null;
        }
        PeerState peer = new PeerState(connection, clock.millis(), Downloader.INITIAL_QUEUE_DEPTH);
        peers.put(connection, peer);
        return peer;
    }

    /** Why a new connection must go, or null. */
    private String refusal(PeerConnection connection, InetSocketAddress address, PeerId theirId) {
        if (closed) {
            return "the torrent is stopping";
        }
        if (theirId.equals(ourId)) {
            candidates.ban(address); // ourselves, as trackers like to tell us
            return "it is ourselves";
        }
        if (bannedIds.contains(theirId) || candidates.isBanned(address)) {
            return "it is banned";
        }
        if (!connection.outgoing() && peers.size() >= context.settings().connectionsPerTorrent()) {
            return "the torrent's connection limit is reached";
        }
        for (PeerState peer : peers.values()) {
            if (peer.connection.remote().peerId().equals(theirId)) {
                return "already connected to " + theirId;
            }
        }
        return null;
    }

    /** The connection closed: the peer leaves and its slot is free; null when it was never admitted. */
    PeerState remove(PeerConnection connection, Optional<Throwable> cause) {
        PeerState peer = peers.remove(connection);
        if (peer != null) {
            context.slots().release();
            LOG.debug("{}: {} gone{}", name, peer.address, cause.map(c -> ": " + c).orElse(""));
        }
        return peer;
    }

    /** Disconnects the peer and never dials or admits it again (by address or id). */
    void ban(PeerState peer, String reason) {
        LOG.warn("{}: banning {} ({}): {}", name, peer.address, peer.connection.remote().peerId(), reason);
        candidates.ban(peer.address);
        bannedIds.add(peer.connection.remote().peerId());
        peer.connection.close();
        listener.peerBanned(peer.address, reason);
    }

    /** Disconnects the seeds: two complete peers have nothing to trade. */
    void dropSeeds(int pieceCount) {
        for (PeerState peer : peers.values()) {
            if (peer.isSeed(pieceCount)) {
                peer.connection.close();
            }
        }
    }

    /** Closes every connection; no new one is admitted. */
    void close() {
        closed = true;
        for (PeerState peer : peers.values()) {
            peer.connection.close();
        }
    }
}
