package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.api.PeerInfo;
import dev.shoal.peer.api.SwarmListener;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.support.net.Addresses;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a swarm is connected to, and who it dials: addresses waiting ({@link Candidates}), connections
 * being made (within the global {@link HalfOpen} bounds), admission of the new ones (connection
 * limits, bans, ourselves, duplicates), the global connection slots they hold, and letting peers go
 * to make room for others ({@link Turnover}). Under the swarm's lock.
 */
final class PeerRoster {

    private static final Logger LOG = LoggerFactory.getLogger(PeerRoster.class);
    private static final long PEERS_WANTED_MILLIS = 30_000;
    private static final long RETRY_ADDRESS_MILLIS = 60_000;
    /** A connection that lived this long worked: if the peer drops us later, the redial backoff starts afresh. */
    private static final long LASTED_MILLIS = 120_000;

    private final String name;
    private final SwarmLock lock;
    private final SwarmContext context;
    private final PeerId ourId;
    private final Clock clock;
    private final LocalTorrent local;
    private final SwarmListener listener;
    /** True once every piece is here: a complete swarm asks trackers for no more peers while it has some. */
    private final BooleanSupplier complete;
    /** What the swarm forgets of a peer it let go (its requests, its pieces' availability). */
    private final Consumer<PeerState> forget;
    private final Turnover turnover;
    private final Candidates candidates;
    private final Map<PeerConnection, PeerState> peers = new LinkedHashMap<>();
    /** Addresses being dialled, and the source each came from. */
    private final Map<InetSocketAddress, String> dialling = new HashMap<>();
    private final Set<PeerId> bannedIds = new HashSet<>();
    private long lastPeersWantedMillis = Long.MIN_VALUE / 2;
    private boolean closed;

    PeerRoster(String name, SwarmLock lock, SwarmContext context, PeerId ourId, Clock clock, LocalTorrent local,
            SwarmListener listener, BooleanSupplier complete, Consumer<PeerState> forget) {
        this.name = name;
        this.lock = lock;
        this.context = context;
        this.ourId = ourId;
        this.clock = clock;
        this.local = local;
        this.listener = listener;
        this.complete = complete;
        this.forget = forget;
        this.turnover = new Turnover(context::settings, clock);
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

    /** Nobody being dialled, waiting to be, or due to be dialled again: nothing for a timer to do. */
    boolean idle() {
        return dialling.isEmpty() && candidates.size() == 0 && !candidates.redialsPending();
    }

    /** Addresses to dial from {@code source}, but those connected, being dialled, banned or tried lately. */
    void offer(Collection<InetSocketAddress> addresses, String source) {
        candidates.offer(context.families().dialable(addresses), source, busy(), clock.millis());
        dial();
    }

    /** The addresses connected or being dialled. */
    private Set<InetSocketAddress> busy() {
        Set<InetSocketAddress> busy = new HashSet<>(dialling.keySet());
        for (PeerState peer : peers.values()) {
            busy.add(peer.address);
        }
        return busy;
    }

    /**
     * Dials while the torrent's and the global limits allow; with nobody left to dial and slots free,
     * asks for peers (at most every {@link #PEERS_WANTED_MILLIS}).
     */
    void dial() {
        if (!closed) {
            candidates.wake(busy(), clock.millis());
        }
        int limit = context.settings().connectionsPerTorrent();
        while (!closed && peers.size() + dialling.size() < limit && candidates.size() > 0
                && context.slots().tryAcquire()) {
            // Taking the dial slot as the address is chosen: one whose host has its share of dials waits.
            InetSocketAddress address = context.nextDial(candidates, clock.millis());
            if (address == null) {
                break;
            }
            dialling.put(address, candidates.source(address));
            context.dial(address, local)
                    .whenComplete((connection, failure) -> lock.run(() -> dialled(address, failure)));
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
            LOG.debug("{}: could not reach {}: {}", name, Addresses.format(address), failure.toString());
            if (candidates.redialling(address)) {
                candidates.redialLater(address, clock.millis());
            }
            dial();
        }
    }

    /** A connection is through both handshakes: the peer joins, or the connection is closed and null returned. */
    PeerState admit(PeerConnection connection) {
        return admit(connection, connection.outgoing(), null);
    }

    /**
     * A connection a metadata fetch made, holding a global slot already: the peer joins, or the
     * connection is closed and null returned.
     */
    PeerState adopt(PeerConnection connection, String source) {
        return admit(connection, true, source);
    }

    /** {@code knownSource} when the fetch that made the connection knew it, else from our own books. */
    private PeerState admit(PeerConnection connection, boolean holdsSlot, String knownSource) {
        InetSocketAddress address = (InetSocketAddress) connection.remoteAddress();
        String refusal = refusal(connection, address, connection.remote().peerId());
        if (refusal == null && !holdsSlot) {
            refusal = makeRoom();
        }
        if (refusal != null) {
            LOG.debug("{}: refusing {}: {}", name, Addresses.format(address), refusal);
            if (holdsSlot) {
                context.slots().release();
            }
            connection.close();
            return null;
        }
        PeerState peer = new PeerState(connection,
                knownSource != null ? knownSource : source(connection, address), clock.millis(),
                Downloader.INITIAL_QUEUE_DEPTH);
        peers.put(connection, peer);
        return peer;
    }

    /** Where the peer came from: the source of the address we dialled, or it dialled us. */
    private String source(PeerConnection connection, InetSocketAddress address) {
        if (!connection.outgoing()) {
            return PeerInfo.INCOMING;
        }
        String source = dialling.get(address);
        return source != null ? source : candidates.source(address);
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
        for (PeerState peer : peers.values()) {
            if (peer.connection.remote().peerId().equals(theirId)) {
                return "already connected to " + theirId;
            }
        }
        return null;
    }

    /**
     * Takes a global slot for an incoming peer, letting an expendable peer go when the torrent or
     * every torrent together is full; says why not when there is none, else null.
     */
    private String makeRoom() {
        if (peers.size() >= context.settings().connectionsPerTorrent()) {
            PeerState victim = turnover.victim(peers.values());
            if (victim == null) {
                return "the torrent's connection limit is reached";
            }
            evict(victim, "making room for a new peer");
        }
        if (context.slots().tryAcquire()) {
            return null;
        }
        // Every torrent together is full: this one gives up a peer of its own, if it has one to spare.
        PeerState victim = turnover.victim(peers.values());
        if (victim == null) {
            return "the global connection limit is reached";
        }
        evict(victim, "making room for a new peer");
        return context.slots().tryAcquire() ? null : "the global connection limit is reached";
    }

    /**
     * Once a second: lets go of the peers the {@link Turnover} rules say, so that the addresses
     * waiting (and the peers that will knock) find room.
     */
    void turnover() {
        turnover.tick(peers.values());
        int limit = context.settings().connectionsPerTorrent();
        // As libtorrent: only while full, so an inactive peer goes when it is in someone's way.
        for (PeerState peer : turnover.inactive(peers.values())) {
            if (peers.size() < limit && !context.slots().full()) {
                break;
            }
            evict(peer, "neither side interested for "
                    + context.settings().turnover().inactivity().toSeconds() + " s while the torrent is full");
        }
        if (candidates.size() == 0) {
            return;
        }
        if (peers.size() >= limit || context.slots().full()) {
            PeerState victim = turnover.victim(peers.values());
            if (victim != null) {
                evict(victim, "making room for an address waiting to be dialled");
            }
        }
        for (PeerState peer : turnover.due(peers.values(), limit)) {
            evict(peer, "peer turnover");
        }
    }

    /** Lets the peer go at once: it leaves the roster, its slot is free, the swarm forgets it. */
    void evict(PeerState peer, String why) {
        if (peers.remove(peer.connection) == null) {
            return;
        }
        context.slots().release();
        LOG.debug("{}: letting {} go: {}", name, peer.address, why);
        peer.connection.closeNow();
        forget.accept(peer);
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

    /**
     * The peer we dialled is gone: when it left us (we did not close it, and it broke no rule) while
     * {@code worthRedialling}, it is dialled again after a backoff (see {@link Candidates}).
     */
    void left(PeerState peer, Optional<Throwable> cause, boolean worthRedialling) {
        long now = clock.millis();
        if (now - peer.connectedMillis >= LASTED_MILLIS) {
            candidates.connectionLasted(peer.address);
        }
        boolean theyLeft = !peer.connection.closedByUs() && cause.map(c -> c instanceof IOException).orElse(true);
        if (closed || !peer.connection.outgoing() || !theyLeft || !worthRedialling) {
            return;
        }
        if (candidates.redialLater(peer.address, now)) {
            LOG.debug("{}: {} left us; dialling it again after a backoff", name, peer.address);
        }
    }

    /** Disconnects the peer and never dials or admits it again (by address or id). */
    void ban(PeerState peer, String reason) {
        LOG.warn("{}: banning {} ({}): {}", name, Addresses.format(peer.address), peer.connection.remote().peerId(), reason);
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
