package dev.shoal.peer.internal.swarm;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.api.MetadataFetch;
import dev.shoal.peer.api.MetadataListener;
import dev.shoal.peer.api.MetadataProgress;
import dev.shoal.peer.api.PeerInfo;
import dev.shoal.peer.internal.codec.WireLimits;
import dev.shoal.peer.internal.extension.ExtensionHandshake;
import dev.shoal.peer.internal.extension.ExtensionPayloads;
import dev.shoal.peer.internal.extension.ExtensionRegistry;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.handler.PeerListener;
import dev.shoal.peer.internal.metadata.MetadataFetcher;
import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.Extended;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.HaveAll;
import dev.shoal.peer.internal.wire.Interested;
import dev.shoal.peer.internal.wire.PeerMessage;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link MetadataFetch}: the connections of a torrent whose info dictionary we lack. Dials the
 * addresses it is given and answers peers that dial in for the info-hash (the piece count unknown,
 * so the wire takes any bitfield), speaks only the extension protocol with them and leaves
 * ut_metadata to its {@link MetadataFetcher}; but a peer that says it has pieces is told at once that
 * we are interested, so that it has unchoked us by the time the swarm takes the connection over and
 * the swarm asks for blocks straight away (the round trip of interested and unchoke is spent while
 * the metadata comes, as libtorrent's is). Everything else they send is ignored here. Holds the same global
 * connection slots as swarms. The connections are its {@link Handoff}'s: once the metadata is verified
 * they are parked, for the torrent's swarm, joined with the metainfo, to go on with (without dialling
 * them again). Everything under its own lock.
 */
final class MetadataFetchSession implements MetadataFetch, PeerListener {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataFetchSession.class);
    private static final long TICK_MILLIS = 1000;
    /** A peer that closed or could not be reached is dialled again after this long. */
    private static final long RETRY_MILLIS = 30_000;
    private static final long PEERS_WANTED_MILLIS = 30_000;

    private final SwarmLock lock = new SwarmLock();
    private final InfoHash infoHash;
    private final MetadataListener listener;
    private final SwarmContext context;
    private final Clock clock;
    private final LocalTorrent local;
    private final Candidates candidates;
    private final MetadataFetcher fetcher;
    private final ExtensionRegistry extensions;
    private final Handoff handoff;
    private final Set<PeerConnection> connections = new LinkedHashSet<>();
    /** The connections told we are interested (a subset of {@link #connections}). */
    private final Set<PeerConnection> interestedIn = new HashSet<>();
    private final Set<InetSocketAddress> dialling = new HashSet<>();
    /** Every address given, to dial again after {@link #RETRY_MILLIS}; bounded like the candidates. */
    private final Set<InetSocketAddress> known = new LinkedHashSet<>();
    private final ScheduledFuture<?> ticker;
    private int asked;
    private int refused;
    private long lastPeersWantedMillis = Long.MIN_VALUE / 2;
    private boolean closed;

    MetadataFetchSession(InfoHash infoHash, MetadataListener listener, SwarmContext context, long maxMetadataSize,
            Clock clock) {
        this.infoHash = infoHash;
        this.listener = listener;
        this.context = context;
        this.clock = clock;
        SwarmSettings settings = context.settings();
        this.candidates = new Candidates(settings.maxCandidates(), RETRY_MILLIS);
        int maxPayload = ExtensionPayloads.maxPayload(settings.wire().limits());
        this.fetcher = new MetadataFetcher(infoHash, maxMetadataSize, new ExtensionPayloads(maxPayload), clock::millis,
                this::verified);
        this.extensions = new ExtensionRegistry(infoHash.hex(), List.of(fetcher),
                settings.wire().reserved().extensionProtocol(), context::listenPort,
                () -> context.settings().maxPeerRequests(), maxPayload, this::dropped);
        this.handoff = new Handoff(infoHash, context.slots(), settings.wire().limits(), this);
        this.local = handoff.local();
        context.register(local);
        this.ticker = context.scheduler().scheduleWithFixedDelay(() -> lock.run(this::tick), TICK_MILLIS,
                TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void addPeers(Collection<InetSocketAddress> addresses, String source) {
        lock.run(() -> {
            if (closed) {
                return;
            }
            for (InetSocketAddress address : addresses) {
                if (known.size() < context.settings().maxCandidates()) {
                    known.add(address);
                }
            }
            offer(addresses, source);
        });
    }

    private void offer(Collection<InetSocketAddress> addresses, String source) {
        Set<InetSocketAddress> busy = new HashSet<>(dialling);
        connections.forEach(connection -> busy.add((InetSocketAddress) connection.remoteAddress()));
        candidates.offer(context.families().dialable(addresses), source, busy, clock.millis());
        dial();
    }

    private void dial() {
        int limit = context.settings().connectionsPerTorrent();
        while (!closed && connections.size() + dialling.size() < limit && candidates.size() > 0
                && context.slots().tryAcquire()) {
            InetSocketAddress address = context.nextDial(candidates, clock.millis());
            if (address == null) {
                break;
            }
            dialling.add(address);
            asked++;
            context.dial(address, local).whenComplete((connection, failure) -> lock.run(() -> {
                dialling.remove(address);
                if (failure != null) {
                    context.slots().release();
                    LOG.debug("metadata {}: could not reach {}: {}", infoHash, address, failure.toString());
                    dial();
                }
            }));
        }
        if (!closed && candidates.size() == 0 && connections.isEmpty() && dialling.isEmpty()
                && clock.millis() - lastPeersWantedMillis >= PEERS_WANTED_MILLIS) {
            lastPeersWantedMillis = clock.millis();
            listener.peersWanted();
        }
    }

    @Override
    public MetadataProgress progress() {
        return lock.get(() -> new MetadataProgress(known.size(), asked, connections.size(), fetcher.offering(),
                refused, fetcher.bytesReceived(), fetcher.metadataSize(), fetcher.done()));
    }

    @Override
    public void close() {
        lock.run(this::closeAll);
    }

    private void closeAll() {
        if (closed) {
            return;
        }
        closed = true;
        ticker.cancel(false);
        context.unregister(local);
        connections.forEach(PeerConnection::close);
    }

    // --- the connections' events ----------------------------------------------------------------

    @Override
    public void connected(PeerConnection connection) {
        lock.run(() -> {
            InetSocketAddress address = (InetSocketAddress) connection.remoteAddress();
            String refusal = closed ? "the fetch is over" : candidates.isBanned(address) ? "it is refused"
                    : !connection.outgoing() && !context.slots().tryAcquire() ? "the global connection limit is reached"
                    : null;
            if (refusal != null) {
                LOG.debug("metadata {}: refusing {}: {}", infoHash, address, refusal);
                if (connection.outgoing()) {
                    context.slots().release();
                }
                connection.close();
                return;
            }
            if (!connection.outgoing()) {
                asked++;
            }
            connections.add(connection);
            extensions.connected(connection);
        });
    }

    @Override
    public void received(PeerConnection connection, PeerMessage message) {
        lock.run(() -> {
            if (closed || !connections.contains(connection)) {
                return;
            }
            if (message instanceof Extended extended) {
                extensions.received(connection, extended);
            } else if (!interestedIn.contains(connection) && offersPieces(message)) {
                interestedIn.add(connection);
                connection.send(new Interested());
            }
        });
    }

    @Override
    public void closed(PeerConnection connection, Optional<Throwable> cause) {
        lock.run(() -> {
            if (connections.remove(connection)) {
                interestedIn.remove(connection);
                context.slots().release();
                extensions.closed(connection);
                LOG.debug("metadata {}: {} gone{}", infoHash, connection.remoteAddress(),
                        cause.map(c -> ": " + c).orElse(""));
                dial();
            }
        });
    }

    /** Whether the message says the peer has a piece (of whatever torrent this turns out to be). */
    private static boolean offersPieces(PeerMessage message) {
        if (message instanceof Bitfield bitfield) {
            for (int piece = 0; piece < bitfield.byteLength() * 8; piece++) {
                if (bitfield.has(piece)) {
                    return true;
                }
            }
            return false;
        }
        return message instanceof HaveAll || message instanceof Have;
    }

    /** A peer broke the protocol or sent bad metadata: never dialled again. */
    private void dropped(InetSocketAddress address, String reason) {
        refused++;
        candidates.ban(address);
        known.remove(address);
    }

    private void tick() {
        if (closed) {
            return;
        }
        try {
            fetcher.tick();
            offer(known, PeerInfo.UNKNOWN); // each keeps the source it came with
        } catch (RuntimeException e) {
            LOG.error("metadata {}: tick failed", infoHash, e);
        }
    }

    /**
     * The fetcher has the info dictionary: the connections are parked for the torrent's swarm (with
     * the peers' extended handshakes, which they will not send again), then the owner hears of it.
     */
    private void verified(byte[] info) {
        LOG.debug("metadata {}: {} bytes verified; {} connections left for the swarm", infoHash, info.length,
                connections.size());
        Map<PeerConnection, Handoff.Parked> taken = new LinkedHashMap<>();
        for (PeerConnection connection : connections) {
            String source = connection.outgoing()
                    ? candidates.source((InetSocketAddress) connection.remoteAddress()) : PeerInfo.INCOMING;
            taken.put(connection, new Handoff.Parked(extensions.handshake(connection), source));
        }
        connections.clear();
        interestedIn.clear();
        handoff.park(taken);
        closeAll();
        context.parked().park(handoff);
        listener.metadataReceived(infoHash, info);
    }
}
