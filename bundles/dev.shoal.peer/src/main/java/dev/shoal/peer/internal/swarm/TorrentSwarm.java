package dev.shoal.peer.internal.swarm;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.PeerInfo;
import dev.shoal.peer.api.PiecePriorities;
import dev.shoal.peer.api.RateLimits;
import dev.shoal.peer.api.Swarm;
import dev.shoal.peer.api.SwarmListener;
import dev.shoal.peer.api.SwarmStats;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.handler.PeerListener;
import dev.shoal.peer.internal.picker.PiecePicker;
import dev.shoal.peer.internal.picker.Priority;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.PieceSet;
import dev.shoal.storage.api.TorrentStorage;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One torrent's swarm, as its parts make it up: the {@link PeerRoster} (who is connected and dialled),
 * the {@link MessageRouter} (what each message means), the {@link Downloader} and the
 * {@link Uploader}, the {@link WriteGate} to the disk, and the pieces we have. Everything happens
 * under its {@link SwarmLock}: the {@link Swarm} calls, the connections' events, the timer.
 */
final class TorrentSwarm implements Swarm, PeerListener {

    private static final Logger LOG = LoggerFactory.getLogger(TorrentSwarm.class);

    private final SwarmLock lock = new SwarmLock();
    private final Metainfo torrent;
    private final TorrentStorage storage;
    private final SwarmContext context;
    private final Clock clock;
    private final LocalTorrent local;
    private final int pieceCount;
    private final BitSet verified = new BitSet();
    private final PiecePicker<PeerState> picker;
    private final Downloader downloader;
    private final Uploader uploader;
    private final Unchoker unchoker;
    private final PeerRoster roster;
    private final WriteGate gate;
    private final MessageRouter router;
    private final Extensions extensions;
    private final TokenBucket downloadLimit;
    private final RateMeter received = new RateMeter();
    private final SwarmHeartbeat heartbeat;
    /** Bytes of pieces that failed their hash. */
    private long hashWasted;
    private int hashFailures;

    TorrentSwarm(Metainfo torrent, TorrentStorage storage, SwarmListener listener, SwarmContext context, PeerId ourId,
            Clock clock, Random random) {
        this.torrent = torrent;
        this.storage = storage;
        this.context = context;
        this.clock = clock;
        this.pieceCount = torrent.pieceCount();
        this.picker = new PiecePicker<>(pieceCount, torrent.pieceLength(), torrent.totalLength(), random);
        PieceSet have = storage.verified();
        for (int piece = 0; piece < pieceCount; piece++) {
            if (have.has(piece)) {
                verified.set(piece);
                picker.have(piece);
            }
        }
        // Blocks of unfinished pieces a previous run wrote: not fetched again.
        picker.onDisk(storage.writtenBlocks(), false);
        long now = clock.nanos();
        this.downloadLimit = new TokenBucket(0, now);
        this.downloader = new Downloader(picker, context::settings, clock, this::mayRequest);
        this.uploader = new Uploader(lock, storage, verified, context, clock);
        this.unchoker = new Unchoker(context, clock, random);
        this.local = new LocalTorrent(torrent.infoHash(), pieceCount, this);
        this.roster = new PeerRoster(torrent.name(), lock, context, ourId, clock, local, listener, this::complete,
                this::forget);
        this.gate = new WriteGate(lock, storage, picker, listener, context, downloadLimit, clock, this::refill);
        this.extensions = new Extensions(torrent, context, clock, learned -> roster.offer(learned, PeerInfo.PEX));
        this.router = new MessageRouter(torrent.name(), pieceCount, picker, downloader, uploader, unchoker, gate,
                received, roster.all(), this::complete, extensions.registry());
        this.heartbeat = new SwarmHeartbeat(torrent.name(), pieceCount, clock, lock, context,
                new SwarmHeartbeat.Parts(roster, picker, received, downloader, uploader, unchoker, extensions));
        context.register(local);
        heartbeat.wake();
    }

    // --- the Swarm API ----------------------------------------------------------------------

    @Override
    public void addPeers(Collection<InetSocketAddress> addresses, String source) {
        Objects.requireNonNull(source, "source");
        lock.run(() -> {
            if (!roster.closed()) {
                roster.offer(addresses, source);
                wake();
            }
        });
    }

    @Override
    public void pieceChecked(PieceResult result) {
        // Told from the disk thread: a result may still come in as the swarm closes.
        lock.run(() -> {
            if (!roster.closed()) {
                checked(result);
            }
        });
    }

    private void checked(PieceResult result) {
        int piece = result.piece();
        if (result.verified()) {
            verified.set(piece);
            picker.verified(piece);
            for (PeerState peer : roster.all()) {
                if (!peer.has.get(piece)) {
                    peer.send(new Have(piece));
                }
                downloader.updateInterest(peer);
            }
            if (complete()) {
                roster.dropSeeds(pieceCount);
            }
            return;
        }
        wake();
        hashFailures++;
        hashWasted += picker.pieceSize(piece);
        for (PeerState contributor : picker.failed(piece)) {
            contributor.hashFailures++;
            if (contributor.hashFailures >= context.settings().banAfterHashFailures()) {
                roster.ban(contributor, "sent data for " + contributor.hashFailures
                        + " pieces that failed their hash check");
            }
        }
        refill();
    }

    @Override
    public void storageReplaced() {
        lock.run(() -> {
            if (roster.closed()) {
                return;
            }
            wake();
            picker.onDisk(storage.writtenBlocks(), true);
            PieceSet have = storage.verified();
            for (int piece = 0; piece < pieceCount; piece++) {
                if (have.has(piece) && !verified.get(piece)) {
                    checked(new PieceResult(piece, PieceResult.Outcome.VERIFIED));
                }
            }
            refill();
        });
    }

    /**
     * Outstanding requests for pieces now skipped are cancelled (see {@link Downloader#cancelUnwanted});
     * pieces now wanted are asked for at once from the peers that have them.
     */
    @Override
    public void setPiecePriorities(PiecePriorities priorities) {
        if (priorities.pieceCount() != pieceCount) {
            throw new IllegalArgumentException(torrent.name() + ": priorities for " + priorities.pieceCount()
                    + " pieces, the torrent has " + pieceCount);
        }
        lock.run(() -> {
            for (int piece = 0; piece < pieceCount; piece++) {
                picker.setPriority(piece, switch (priorities.level(piece)) {
                    case PiecePriorities.SKIP -> Priority.SKIP;
                    case PiecePriorities.HIGH -> Priority.HIGH;
                    default -> Priority.NORMAL;
                });
            }
            if (roster.closed()) {
                return;
            }
            wake();
            for (PeerState peer : roster.all()) {
                downloader.cancelUnwanted(peer);
                downloader.updateInterest(peer);
                downloader.fillRequests(peer);
            }
        });
    }

    @Override
    public void setRateLimits(RateLimits limits) {
        long now = clock.nanos();
        downloadLimit.setRate(limits.downloadBytesPerSecond(), now);
        uploader.setLimit(limits.uploadBytesPerSecond());
    }

    @Override
    public SwarmStats stats() {
        return lock.get(() -> {
            int seeds = 0;
            for (PeerState peer : roster.all()) {
                seeds += peer.isSeed(pieceCount) ? 1 : 0;
            }
            return new SwarmStats(received.total(), uploader.sent().total(), router.wasted() + hashWasted,
                    received.rate(), uploader.sent().rate(), roster.size(), seeds, roster.candidates(),
                    roster.banned(), hashFailures);
        });
    }

    @Override
    public List<PeerInfo> peers() {
        return lock.get(() -> {
            List<PeerInfo> infos = new ArrayList<>(roster.size());
            for (PeerState peer : roster.all()) {
                infos.add(peer.info());
            }
            return infos;
        });
    }

    @Override
    public void close() {
        lock.run(() -> {
            if (roster.closed()) {
                return;
            }
            heartbeat.close();
            context.unregister(local);
            gate.close();
            roster.close();
        });
    }

    // --- the connections' events ----------------------------------------------------------------

    @Override
    public void connected(PeerConnection connection) {
        lock.run(() -> {
            PeerState peer = roster.admit(connection);
            if (peer != null) {
                wake();
                uploader.advertise(peer, pieceCount);
                extensions.registry().connected(connection); // BEP 6: the pieces message comes first
            }
        });
    }

    /**
     * Goes on with the connections a metadata fetch of this torrent left (see {@link Handoff}): each
     * peer joins as if it had just connected, hears our extensions again and what we have as haves
     * (a bitfield may only come first, and the fetch sent none), and what it said of its pieces
     * meanwhile is taken as if it said it now.
     */
    void adopt(Handoff handoff) {
        lock.run(() -> {
            Map<PeerConnection, Handoff.Adopted> taken = handoff.adopt(this, pieceCount);
            int joined = 0;
            for (Map.Entry<PeerConnection, Handoff.Adopted> entry : taken.entrySet()) {
                PeerConnection connection = entry.getKey();
                PeerState peer = roster.adopt(connection, entry.getValue().source());
                if (peer == null) {
                    continue;
                }
                joined++;
                wake();
                extensions.registry().adopt(connection, entry.getValue().handshake());
                List<PeerMessage> said = entry.getValue().pieces().replay(pieceCount);
                if (said == null) {
                    LOG.debug("{}: closing {}: {}", torrent.name(), peer.address,
                            entry.getValue().pieces().problem(pieceCount));
                    connection.close();
                    continue;
                }
                uploader.advertiseAsHaves(peer);
                said.forEach(message -> router.route(peer, message));
                downloader.updateInterest(peer);
            }
            LOG.debug("{}: went on with {} of the {} connections of the metadata fetch", torrent.name(), joined,
                    taken.size());
        });
    }

    @Override
    public void closed(PeerConnection connection, Optional<Throwable> cause) {
        lock.run(() -> {
            PeerState peer = roster.remove(connection, cause);
            extensions.registry().closed(connection);
            if (peer != null) {
                // Two seeds have nothing to trade; anyone else is worth another try.
                roster.left(peer, cause, !(complete() && peer.isSeed(pieceCount)));
                forget(peer);
                if (!roster.closed()) {
                    roster.dial();
                }
            }
        });
    }

    /**
     * The peer left (or was let go to make room: then the newcomer takes its place, not a dial): its
     * requests go back to the picker, and the others take them over.
     */
    private void forget(PeerState peer) {
        picker.peerGone(peer, peer.has::get);
        peer.requested.clear();
        peer.uploads.clear();
        if (!roster.closed()) {
            refill();
        }
    }

    @Override
    public void received(PeerConnection connection, PeerMessage message) {
        lock.run(() -> {
            PeerState peer = roster.get(connection);
            if (peer != null && !roster.closed()) {
                router.route(peer, message);
            }
        });
    }

    @Override
    public void sent(PeerConnection connection, PeerMessage message) {
        lock.run(() -> {
            PeerState peer = roster.get(connection);
            if (peer == null) {
                return;
            }
            peer.lastSentMillis = clock.millis();
            if (message instanceof Piece) {
                uploader.blockSent(peer);
            }
        });
    }

    private boolean complete() {
        return verified.cardinality() == pieceCount;
    }

    private boolean mayRequest() {
        return gate.mayRequest();
    }

    /** Tops up every peer's requests. */
    private void refill() {
        roster.all().forEach(downloader::fillRequests);
    }

    /** Ticks again if it rested (see {@link SwarmHeartbeat}). */
    private void wake() {
        heartbeat.wake();
    }

    /** For tests: whether the timer runs. */
    boolean ticking() {
        return lock.get(heartbeat::running);
    }
}
