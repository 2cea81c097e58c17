package dev.shoal.peer.internal.swarm;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.PeerInfo;
import dev.shoal.peer.api.PiecePriorities;
import dev.shoal.peer.api.RateLimits;
import dev.shoal.peer.api.Swarm;
import dev.shoal.peer.api.SwarmListener;
import dev.shoal.peer.api.SwarmStats;
import dev.shoal.peer.internal.choker.Choker;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.handler.PeerListener;
import dev.shoal.peer.internal.picker.Block;
import dev.shoal.peer.internal.picker.PiecePicker;
import dev.shoal.peer.internal.picker.Priority;
import dev.shoal.peer.internal.picker.Received;
import dev.shoal.peer.internal.wire.AllowedFast;
import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.Cancel;
import dev.shoal.peer.internal.wire.Choke;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.HaveAll;
import dev.shoal.peer.internal.wire.HaveNone;
import dev.shoal.peer.internal.wire.Interested;
import dev.shoal.peer.internal.wire.NotInterested;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.RejectRequest;
import dev.shoal.peer.internal.wire.Request;
import dev.shoal.peer.internal.wire.Unchoke;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.PieceSet;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.TorrentStorage;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One torrent's swarm: its connections, and the messages between them, the {@link Downloader} and
 * the {@link Uploader}. One lock (this object) guards all of it; MINA's I/O threads, the disk thread
 * and the timer each take it briefly and never block while holding it (sending only queues).
 */
final class TorrentSwarm implements Swarm, PeerListener {

    private static final Logger LOG = LoggerFactory.getLogger(TorrentSwarm.class);
    private static final long TICK_MILLIS = 1000;
    private static final long PEERS_WANTED_MILLIS = 30_000;
    private static final long RETRY_ADDRESS_MILLIS = 60_000;

    private final Metainfo torrent;
    private final TorrentStorage storage;
    private final SwarmListener listener;
    private final SwarmContext context;
    private final PeerId ourId;
    private final Clock clock;
    private final LocalTorrent local;
    private final int pieceCount;
    private final BitSet verified = new BitSet();
    private final PiecePicker<PeerState> picker;
    private final Downloader downloader;
    private final Uploader uploader;
    private final Candidates candidates;
    private final Map<PeerConnection, PeerState> peers = new LinkedHashMap<>();
    private final Set<InetSocketAddress> dialling = new HashSet<>();
    private final Set<PeerId> bannedIds = new HashSet<>();
    private final TokenBucket downloadLimit;
    private final TokenBucket uploadLimit;
    private final RateMeter received = new RateMeter();
    private final RateMeter sent = new RateMeter();
    private final ScheduledFuture<?> ticker;
    private long wasted;
    /** Requests were held back because the storage's write queue was full. */
    private boolean heldByDisk;
    private boolean refillScheduled;
    private int hashFailures;
    private long lastTickMillis;
    private long lastRechokeMillis;
    private long lastPeersWantedMillis = Long.MIN_VALUE / 2;
    private boolean closed;

    TorrentSwarm(Metainfo torrent, TorrentStorage storage, SwarmListener listener, SwarmContext context, PeerId ourId,
            Clock clock, Random random) {
        this.torrent = torrent;
        this.storage = storage;
        this.listener = listener;
        this.context = context;
        this.ourId = ourId;
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
        long now = clock.nanos();
        this.downloadLimit = new TokenBucket(0, now);
        this.uploadLimit = new TokenBucket(0, now);
        this.downloader = new Downloader(picker, context::settings, clock, this::mayRequest);
        this.uploader = new Uploader(this, storage, verified, context, uploadLimit, sent, clock, random);
        this.candidates = new Candidates(context.settings().maxCandidates(), RETRY_ADDRESS_MILLIS);
        this.local = new LocalTorrent(torrent.infoHash(), pieceCount, this);
        this.lastTickMillis = clock.millis();
        this.lastRechokeMillis = lastTickMillis;
        context.register(local);
        this.ticker = context.scheduler().scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    // --- the Swarm API ----------------------------------------------------------------------

    @Override
    public synchronized void addPeers(Collection<InetSocketAddress> addresses) {
        if (closed) {
            return;
        }
        Set<InetSocketAddress> busy = new HashSet<>(dialling);
        for (PeerState peer : peers.values()) {
            busy.add(peer.address);
        }
        candidates.offer(addresses, busy, clock.millis());
        dial();
    }

    @Override
    public synchronized void pieceChecked(PieceResult result) {
        int piece = result.piece();
        if (result.verified()) {
            verified.set(piece);
            picker.verified(piece);
            for (PeerState peer : peers.values()) {
                if (!peer.has.get(piece)) {
                    peer.send(new Have(piece));
                }
                downloader.updateInterest(peer);
            }
            if (complete()) {
                dropSeeds();
            }
            return;
        }
        hashFailures++;
        wasted += picker.pieceSize(piece);
        for (PeerState contributor : picker.failed(piece)) {
            contributor.hashFailures++;
            if (contributor.hashFailures >= context.settings().banAfterHashFailures()) {
                ban(contributor, "sent data for " + contributor.hashFailures + " pieces that failed their hash check");
            }
        }
        peers.values().forEach(downloader::fillRequests);
    }

    @Override
    public synchronized void storageReplaced() {
        if (closed) {
            return;
        }
        picker.forgetReceivedBlocks();
        PieceSet have = storage.verified();
        for (int piece = 0; piece < pieceCount; piece++) {
            if (have.has(piece) && !verified.get(piece)) {
                pieceChecked(new PieceResult(piece, PieceResult.Outcome.VERIFIED));
            }
        }
        peers.values().forEach(downloader::fillRequests);
    }

    /**
     * Outstanding requests for pieces now skipped are cancelled (see {@link Downloader#cancelUnwanted});
     * pieces now wanted are asked for at once from the peers that have them.
     */
    @Override
    public synchronized void setPiecePriorities(PiecePriorities priorities) {
        if (priorities.pieceCount() != pieceCount) {
            throw new IllegalArgumentException(torrent.name() + ": priorities for " + priorities.pieceCount()
                    + " pieces, the torrent has " + pieceCount);
        }
        for (int piece = 0; piece < pieceCount; piece++) {
            picker.setPriority(piece, switch (priorities.level(piece)) {
                case PiecePriorities.SKIP -> Priority.SKIP;
                case PiecePriorities.HIGH -> Priority.HIGH;
                default -> Priority.NORMAL;
            });
        }
        if (closed) {
            return;
        }
        for (PeerState peer : peers.values()) {
            downloader.cancelUnwanted(peer);
            downloader.updateInterest(peer);
            downloader.fillRequests(peer);
        }
    }

    @Override
    public void setRateLimits(RateLimits limits) {
        long now = clock.nanos();
        downloadLimit.setRate(limits.downloadBytesPerSecond(), now);
        uploadLimit.setRate(limits.uploadBytesPerSecond(), now);
    }

    @Override
    public synchronized SwarmStats stats() {
        int seeds = 0;
        for (PeerState peer : peers.values()) {
            seeds += peer.isSeed(pieceCount) ? 1 : 0;
        }
        return new SwarmStats(received.total(), sent.total(), wasted, received.rate(), sent.rate(), peers.size(), seeds,
                candidates.size(), candidates.bannedCount(), hashFailures);
    }

    @Override
    public synchronized List<PeerInfo> peers() {
        List<PeerInfo> infos = new ArrayList<>(peers.size());
        for (PeerState peer : peers.values()) {
            infos.add(peer.info());
        }
        return infos;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ticker.cancel(false);
        context.unregister(local);
        for (PeerState peer : peers.values()) {
            peer.connection.close();
        }
    }

    // --- connections --------------------------------------------------------------------------

    private void dial() {
        int limit = context.settings().connectionsPerTorrent();
        while (!closed && peers.size() + dialling.size() < limit
                && candidates.size() > 0 && context.slots().tryAcquire()) {
            InetSocketAddress address = candidates.next(clock.millis());
            dialling.add(address);
            context.connect(address, local).whenComplete((connection, failure) -> dialled(address, failure));
        }
        if (!closed && candidates.size() == 0 && peers.size() < limit
                && clock.millis() - lastPeersWantedMillis >= PEERS_WANTED_MILLIS && !(complete() && peers.size() > 0)) {
            lastPeersWantedMillis = clock.millis();
            listener.peersWanted();
        }
    }

    private synchronized void dialled(InetSocketAddress address, Throwable failure) {
        dialling.remove(address);
        if (failure != null) {
            // The connection (or its handshake) never came; connected() did not take the slot over.
            context.slots().release();
            LOG.debug("{}: could not reach {}: {}", torrent.name(), address, failure.toString());
            dial();
        }
    }

    @Override
    public synchronized void connected(PeerConnection connection) {
        InetSocketAddress address = (InetSocketAddress) connection.remoteAddress();
        PeerId theirId = connection.remote().peerId();
        String refusal = refusal(connection, address, theirId);
        if (refusal == null && !connection.outgoing() && !context.slots().tryAcquire()) {
            refusal = "the global connection limit is reached";
        }
        if (refusal != null) {
            LOG.debug("{}: refusing {}: {}", torrent.name(), address, refusal);
            if (connection.outgoing()) {
                context.slots().release();
            }
            connection.close();
            return;
        }
        PeerState peer = new PeerState(connection, clock.millis(), Downloader.INITIAL_QUEUE_DEPTH);
        peers.put(connection, peer);
        sendOurPieces(peer);
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

    private void sendOurPieces(PeerState peer) {
        int count = verified.cardinality();
        if (peer.fastExtension && count == pieceCount) {
            peer.send(new HaveAll());
        } else if (peer.fastExtension && count == 0) {
            peer.send(new HaveNone());
        } else if (count > 0) {
            peer.send(new Bitfield(PieceSet.of(verified, pieceCount).toBytes()));
        }
    }

    @Override
    public synchronized void closed(PeerConnection connection, Optional<Throwable> cause) {
        PeerState peer = peers.remove(connection);
        if (peer == null) {
            return;
        }
        context.slots().release();
        LOG.debug("{}: {} gone{}", torrent.name(), peer.address, cause.map(c -> ": " + c).orElse(""));
        picker.peerGone(peer, peer.has::get);
        peer.requested.clear();
        peer.uploads.clear();
        if (!closed) {
            peers.values().forEach(downloader::fillRequests);
            dial();
        }
    }

    private void ban(PeerState peer, String reason) {
        LOG.warn("{}: banning {} ({}): {}", torrent.name(), peer.address, peer.connection.remote().peerId(), reason);
        candidates.ban(peer.address);
        bannedIds.add(peer.connection.remote().peerId());
        peer.connection.close();
        listener.peerBanned(peer.address, reason);
    }

    /** Two complete peers have nothing to trade. */
    private void dropSeeds() {
        for (PeerState peer : peers.values()) {
            if (peer.isSeed(pieceCount)) {
                peer.connection.close();
            }
        }
    }

    private boolean complete() {
        return verified.cardinality() == pieceCount;
    }

    // --- messages -------------------------------------------------------------------------------

    @Override
    public synchronized void received(PeerConnection connection, PeerMessage message) {
        PeerState peer = peers.get(connection);
        if (peer == null || closed) {
            return;
        }
        LOG.trace("{}: {} sent {}", torrent.name(), peer.address, message);
        if (!peer.fastExtension && isFastMessage(message)) {
            protocolError(peer, message.getClass().getSimpleName() + " without the fast extension");
            return;
        }
        if (message instanceof Piece piece) {
            pieceReceived(peer, piece);
        } else if (message instanceof Request request) {
            uploader.request(peer, request, picker.pieceSize(request.piece()));
        } else if (message instanceof Cancel cancel) {
            uploader.cancel(peer, new Request(cancel.piece(), cancel.begin(), cancel.length()));
        } else if (message instanceof Have have) {
            haveReceived(peer, have.piece());
        } else if (message instanceof Bitfield bitfield) {
            piecesReceived(peer, bitfield::has);
        } else if (message instanceof HaveAll) {
            piecesReceived(peer, piece -> true);
        } else if (message instanceof HaveNone) {
            piecesReceived(peer, piece -> false);
        } else if (message instanceof Choke) {
            chokedUs(peer);
        } else if (message instanceof Unchoke) {
            peer.chokingUs = false;
            downloader.fillRequests(peer);
        } else if (message instanceof Interested) {
            peer.interestedInUs = true;
            uploader.interested(peer, peers.values());
        } else if (message instanceof NotInterested) {
            peer.interestedInUs = false;
        } else if (message instanceof RejectRequest reject) {
            downloader.release(peer, new Block(reject.piece(), reject.begin(), reject.length()));
        } else if (message instanceof AllowedFast allowed) {
            peer.allowedFast.add(allowed.piece());
            downloader.fillRequests(peer);
        }
        // Suggest piece, port (no DHT here) and extension messages need no answer.
    }

    private static boolean isFastMessage(PeerMessage message) {
        return message instanceof HaveAll || message instanceof HaveNone || message instanceof RejectRequest
                || message instanceof AllowedFast || message instanceof dev.shoal.peer.internal.wire.SuggestPiece;
    }

    private void protocolError(PeerState peer, String what) {
        LOG.debug("{}: closing {}: {}", torrent.name(), peer.address, what);
        peer.connection.close();
    }

    private void piecesReceived(PeerState peer, java.util.function.IntPredicate has) {
        if (peer.sawPieces) {
            // Not in BEP 3, but aria2 sends have-none and then a bitfield of what it got meanwhile:
            // take a later bitfield as haves for the pieces it adds.
            for (int piece = 0; piece < pieceCount; piece++) {
                if (has.test(piece)) {
                    haveReceived(peer, piece);
                }
            }
            return;
        }
        peer.sawPieces = true;
        for (int piece = 0; piece < pieceCount; piece++) {
            if (has.test(piece)) {
                peer.has.set(piece);
            }
        }
        peer.hasCount = peer.has.cardinality();
        picker.peerHasAll(peer.has::get);
        if (complete() && peer.isSeed(pieceCount)) {
            peer.connection.close();
            return;
        }
        downloader.updateInterest(peer);
    }

    private void haveReceived(PeerState peer, int piece) {
        peer.sawPieces = true;
        if (peer.has.get(piece)) {
            return;
        }
        peer.has.set(piece);
        peer.hasCount++;
        picker.peerHas(piece);
        if (picker.isWanted(piece) && !peer.interesting) {
            downloader.updateInterest(peer);
        }
        downloader.fillRequests(peer);
        if (complete() && peer.isSeed(pieceCount)) {
            peer.connection.close();
        }
    }

    private void chokedUs(PeerState peer) {
        peer.chokingUs = true;
        // Without BEP 6 a choke cancels every request; with it the peer rejects them one by one.
        if (!peer.fastExtension) {
            downloader.releaseAll(peer);
        }
    }

    private void pieceReceived(PeerState peer, Piece piece) {
        int length = piece.length();
        received.add(length);
        peer.received.add(length);
        Received.Outcome outcome = downloader.received(peer, piece);
        if (outcome == Received.Outcome.UNEXPECTED || outcome == Received.Outcome.DUPLICATE) {
            wasted += length;
        } else {
            write(peer, piece);
        }
        long now = clock.nanos();
        downloadLimit.take(length, now);
        context.globalDownload().take(length, now);
        downloader.fillRequests(peer);
    }

    /** Hands the block to the disk. */
    private void write(PeerState peer, Piece piece) {
        storage.writeBlock(piece.piece(), piece.begin(), piece.data())
                .whenComplete((ok, failure) -> written(piece.piece(), failure));
    }

    private synchronized void written(int piece, Throwable failure) {
        if (failure != null && !closed) {
            picker.failed(piece); // its written blocks are forgotten with the piece; fetched again later
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof StorageException storageFailure
                    && storageFailure.kind() != StorageException.Kind.CLOSED) {
                listener.writeFailed(storageFailure);
            }
        }
        if (heldByDisk && !closed && !diskBehind()) {
            heldByDisk = false;
            peers.values().forEach(downloader::fillRequests);
        }
    }

    /**
     * The one back-pressure bound is the storage's write queue (its configured size): once writes
     * wait for room there, no new requests go out until they got in.
     */
    private boolean diskBehind() {
        return storage.stats().waitingWrites() > 0;
    }

    /**
     * Whether new requests may go out now. Holding requests back is how we slow peers down: they
     * only send what we asked for. Reasons: the disk is behind (blocks wait in memory), or the
     * download limits are in debt, in which case the requests are retried once it is paid.
     */
    private boolean mayRequest() {
        if (diskBehind()) {
            heldByDisk = true;
            return false;
        }
        long now = clock.nanos();
        long wait = Math.max(downloadLimit.waitNanos(now), context.globalDownload().waitNanos(now));
        if (wait > 0) {
            if (!refillScheduled) {
                refillScheduled = true;
                context.scheduler().schedule(this::refillAfterWait, wait, TimeUnit.NANOSECONDS);
            }
            return false;
        }
        return true;
    }

    private synchronized void refillAfterWait() {
        refillScheduled = false;
        if (!closed) {
            peers.values().forEach(downloader::fillRequests);
        }
    }

    @Override
    public synchronized void sent(PeerConnection connection, PeerMessage message) {
        PeerState peer = peers.get(connection);
        if (peer != null && message instanceof Piece) {
            uploader.blockSent(peer);
        }
    }

    // --- timer ------------------------------------------------------------------------------------

    private synchronized void tick() {
        if (closed) {
            return;
        }
        try {
            long now = clock.millis();
            long elapsed = now - lastTickMillis;
            lastTickMillis = now;
            received.tick(elapsed);
            sent.tick(elapsed);
            for (PeerState peer : peers.values()) {
                peer.received.tick(elapsed);
                peer.sent.tick(elapsed);
                LOG.debug("{}: {} rate {} depth {} requested {} slow {}", torrent.name(), peer.address,
                        peer.received.rate(), peer.queueDepth, peer.requested.size(), peer.slowStart);
                downloader.tick(peer);
                uploader.serve(peer);
            }
            if (now - lastRechokeMillis >= Choker.RECHOKE_INTERVAL_MILLIS) {
                lastRechokeMillis = now;
                // Done downloading (every wanted piece here) chokes as a seed: nobody sends us anything to rank by.
                uploader.rechoke(peers.values(), picker.isFinished());
            }
            dial();
        } catch (RuntimeException e) {
            // A bug here must not stop the timer for good: the swarm would silently freeze.
            LOG.error("{}: swarm tick failed", torrent.name(), e);
        }
    }
}
