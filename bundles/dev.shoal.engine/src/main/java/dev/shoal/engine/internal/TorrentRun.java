package dev.shoal.engine.internal;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.Swarm;
import dev.shoal.peer.api.SwarmService;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.StorageException;
import dev.shoal.tracker.api.AnnounceSession;
import dev.shoal.tracker.api.Announcer;
import dev.shoal.tracker.api.LocalPeer;
import dev.shoal.tracker.api.TransferStats;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a torrent, from a start to the next stop: the storage, swarm and announce session it
 * opened, and their closing in order. Callbacks name the run they belong to, so the late ones of a
 * stopped run are recognised and dropped. Each part remembers the service it came from: when that
 * service leaves (its bundle is swapped) the part is let go and opened again from the next one, while
 * the rest of the run goes on ({@link #followServices}). Engine thread only; the fields are volatile
 * for {@link TorrentRuntime#status()}.
 */
final class TorrentRun {

    private static final Logger LOG = LoggerFactory.getLogger(TorrentRun.class);

    final RunEvents events;
    private final Metainfo metainfo;
    private final EngineContext context;
    private final Services services;
    private final TorrentChoices choices;
    private final Supplier<TransferStats> stats;
    private final Supplier<List<List<String>>> trackers;
    private final KnownPeers known = new KnownPeers();
    /** The storage, as the swarm writes to it; null until opened. */
    volatile StorageSlot storage;
    private final RunStorage files;
    volatile Swarm swarm;
    volatile AnnounceSession announce;
    private SwarmService swarmFrom;
    private Announcer announcerFrom;
    private int announcedPort;
    /** The peer sources' lookups while the swarm is open; none for a private torrent. */
    private PeerSources.Subscription lookups;
    /** The check is over and the torrent runs: swarm and announcer follow their services from now on. */
    private boolean online;
    /** A requested recheck is under way. */
    volatile boolean rechecking;
    /** Pieces the recheck under way has hashed. */
    volatile int checked;

    /** @param stats what the trackers hear, asked before each announce */
    TorrentRun(TorrentRuntime runtime, EngineContext context, Supplier<TransferStats> stats) {
        this.metainfo = runtime.metainfo();
        this.context = context;
        this.services = context.services();
        this.choices = runtime.choices();
        this.stats = stats;
        this.trackers = runtime::trackers;
        this.events = new RunEvents(context.thread(), runtime, this, services::listenPort);
        this.files = new RunStorage(metainfo, context, events, () -> swarm);
    }

    /**
     * Opens the storage; its startup check begins on the disk thread. False when no storage service
     * is there: the run waits for one.
     */
    boolean openStorage(Path downloadDirectory) throws StorageException {
        storage = files.open(downloadDirectory);
        return storage != null;
    }

    /** Whether the storage came from the storage service there now. */
    boolean storageCurrent() {
        return files.current();
    }

    /** Where a torrent's fast-resume data is kept. */
    static Path resumeFile(EngineContext context, Metainfo metainfo) {
        return context.settings().get().resumeDirectory().resolve(metainfo.infoHash().hex() + ".resume");
    }

    /**
     * Joins the swarm, counted in {@code transfer} and told the torrent's choices, and opens the
     * announce session unless a recheck left it open. A torrent without trackers is not announced:
     * peers may still dial in. Without a peer wire or an announcer now, those parts start when their
     * service comes. Returns why it could not start, or null.
     */
    String goOnline(Transfer transfer) {
        try {
            online = true;
            joinSwarm(transfer);
            if (announce == null) {
                announce = openAnnounce();
            }
            return null;
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot start", metainfo.name(), e);
            return "cannot start: " + e.getMessage();
        }
    }

    private void joinSwarm(Transfer transfer) {
        Optional<SwarmService> service = services.swarms.get();
        if (service.isEmpty()) {
            return;
        }
        swarm = service.get().join(metainfo, new WatchedStorage(storage, events::readFailed), events);
        swarmFrom = service.get();
        transfer.attach(swarm);
        choices.configure(swarm);
        known.bySource().forEach((source, again) -> swarm.addPeers(again, source));
        if (!metainfo.isPrivate()) {
            // The lookups close with this swarm (closeSwarm), so they ask this swarm and its wire.
            Swarm joined = swarm;
            SwarmService wire = service.get();
            lookups = context.peerSources().subscribe(metainfo.infoHash(), wire.listenPort(), events::peersFound,
                    () -> PeerSources.wanted(wire, joined.stats().peers()));
        }
    }

    /**
     * Hands the swarm peers found by a tracker, a peer source or a magnet link ({@code source}, as
     * {@link dev.shoal.peer.api.PeerInfo#source} names it), and keeps them for a swarm joined later.
     */
    void addPeers(String source, List<InetSocketAddress> peers) {
        if (peers.isEmpty()) {
            return;
        }
        known.add(peers, source);
        if (swarm != null) {
            swarm.addPeers(peers, source);
        }
    }

    /** A peer source's find: its addresses but ours. */
    void peersFound(String source, List<InetSocketAddress> peers) {
        int port = services.listenPort();
        List<InetSocketAddress> others = peers.stream().filter(peer -> !OwnAddress.isSelf(peer, port)).toList();
        if (!others.isEmpty()) {
            LOG.debug("{}: {} peers from {}", metainfo.name(), others.size(), source);
            addPeers(source, others);
        }
    }

    /**
     * A piece was checked: the swarm (if joined) tells its peers, or forgets the blocks of a bad one.
     * Any thread; false when no swarm is joined.
     */
    boolean tellSwarm(PieceResult result) {
        Swarm joined = swarm;
        if (joined == null) {
            return false;
        }
        joined.pieceChecked(result);
        return true;
    }

    /** The download completed: the trackers hear {@code completed}. */
    void completed() {
        AnnounceSession session = announce;
        if (session != null) {
            session.completed();
        }
    }

    /** Announces from the swarm service's port now: trackers hand out the port a session opened with. */
    void reannounce() {
        if (announce != null) {
            closeAnnounce();
            announce = openAnnounce();
        }
    }

    /**
     * The trackers were edited: those of the old list hear {@code stopped}, the new list is announced
     * to (once online: a run still checking opens it then).
     */
    void trackersChanged() {
        if (online) {
            closeAnnounce();
            announce = openAnnounce();
        }
    }

    private AnnounceSession openAnnounce() {
        Optional<Announcer> announcer = services.announcer.get();
        Optional<SwarmService> peers = services.swarms.get();
        List<List<String>> tiers = trackers.get();
        if (tiers.isEmpty() || announcer.isEmpty() || peers.isEmpty()) {
            return null;
        }
        announcerFrom = announcer.get();
        announcedPort = peers.get().listenPort();
        LocalPeer self = new LocalPeer(peers.get().peerId(), announcedPort);
        return announcer.get().open(metainfo.infoHash(), tiers, self, events, stats);
    }

    /**
     * After a service came or went: a part opened from a service that left is let go, and a part
     * missing is opened from the service there now. The storage is closed (saving its resume data)
     * and replaced while the swarm keeps its peers; a swarm whose peer wire left is joined again and
     * dials the peers it knew; an announce session is abandoned rather than closed, so trackers never
     * hear {@code stopped} for a swap, unless {@code stopping}: the framework is shutting down.
     */
    void followServices(Transfer transfer, boolean stopping) {
        if (!online) {
            return;
        }
        files.follow();
        if (swarm != null && !services.swarms.is(swarmFrom)) {
            LOG.info("{}: the peer wire left; its connections close", metainfo.name());
            closeSwarm(transfer);
        }
        if (swarm == null) {
            joinSwarm(transfer);
            if (swarm != null) {
                LOG.info("{}: joined the swarm again, dialling {} known peers", metainfo.name(), known.size());
            }
        }
        boolean portMoved = services.swarms.get().map(service -> service.listenPort() != announcedPort)
                .orElse(false);
        if (announce != null && (!services.announcer.is(announcerFrom) || portMoved)) {
            if (stopping) {
                closeAnnounce();
            } else {
                announce.abandon();
                announce = null;
            }
        }
        if (announce == null) {
            announce = openAnnounce();
        }
    }

    /** Closes the swarm at once; its counters stay in {@code transfer}, its peers are kept to dial later. */
    void closeSwarm(Transfer transfer) {
        if (lookups != null) {
            lookups.close();
            lookups = null;
        }
        Swarm open = transfer.detach();
        swarm = null;
        if (open != null) {
            try {
                known.addConnected(open.peers());
                open.close();
            } catch (RuntimeException e) {
                LOG.warn("{}: closing the swarm", metainfo.name(), e);
            }
        }
    }

    /**
     * Closes everything in order: the swarm at once, the announce session (trackers hear
     * {@code stopped}, waited for at most the stop wait), the storage on the closer, since its close
     * waits for the disk and saves the resume data. Completes when all are done, a storage being
     * replaced included.
     */
    CompletableFuture<Void> close(Transfer transfer) {
        closeSwarm(transfer);
        CompletableFuture<Void> announceClosed = closeAnnounce();
        return CompletableFuture.allOf(announceClosed, files.close());
    }

    private CompletableFuture<Void> closeAnnounce() {
        AnnounceSession session = announce;
        announce = null;
        if (session == null) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            return session.close().toCompletableFuture()
                    .completeOnTimeout(null, context.settings().get().stopWait().toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(failure -> null);
        } catch (RuntimeException e) {
            LOG.warn("{}: closing the announce session", metainfo.name(), e);
            return CompletableFuture.completedFuture(null);
        }
    }
}
