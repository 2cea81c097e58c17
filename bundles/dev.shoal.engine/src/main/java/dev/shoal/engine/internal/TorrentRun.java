package dev.shoal.engine.internal;

import dev.shoal.engine.api.RateLimits;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.Swarm;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.TorrentStorage;
import dev.shoal.tracker.api.AnnounceSession;
import dev.shoal.tracker.api.LocalPeer;
import dev.shoal.tracker.api.TransferStats;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a torrent, from a start to the next stop: the storage, swarm and announce session it
 * opened, and their closing in order. Callbacks name the run they belong to, so the late ones of a
 * stopped run are recognised and dropped. Engine thread only; the fields are volatile for
 * {@link TorrentRuntime#status()}.
 */
final class TorrentRun {

    private static final Logger LOG = LoggerFactory.getLogger(TorrentRun.class);

    final RunEvents events;
    private final Metainfo metainfo;
    private final EngineContext context;
    private final Supplier<TransferStats> stats;
    volatile TorrentStorage storage;
    volatile Swarm swarm;
    volatile AnnounceSession announce;
    /** The peer sources' lookups while the swarm is open; none for a private torrent. */
    private PeerSources.Subscription lookups;
    /** A requested recheck is under way. */
    volatile boolean rechecking;
    /** Pieces the recheck under way has hashed. */
    volatile int checked;

    /** @param stats what the trackers hear, asked before each announce */
    TorrentRun(TorrentRuntime runtime, EngineContext context, Supplier<TransferStats> stats) {
        this.metainfo = runtime.metainfo();
        this.context = context;
        this.stats = stats;
        this.events = new RunEvents(context.thread(), runtime, this);
    }

    /** Opens the storage; its startup check begins on the disk thread. */
    void openStorage(Path downloadDirectory) throws StorageException {
        storage = context.storage().open(metainfo, downloadDirectory, resumeFile(context, metainfo), events);
    }

    /** Where a torrent's fast-resume data is kept. */
    static Path resumeFile(EngineContext context, Metainfo metainfo) {
        return context.settings().get().resumeDirectory().resolve(metainfo.infoHash().hex() + ".resume");
    }

    /**
     * Joins the swarm, counted in {@code transfer}, and opens the announce session unless a recheck
     * left it open. A torrent without trackers is not announced: peers may still dial in.
     */
    void goOnline(Transfer transfer, RateLimits limits) {
        swarm = context.swarms().join(metainfo, new WatchedStorage(storage, events::readFailed), events);
        transfer.attach(swarm);
        swarm.setRateLimits(Limits.toSwarm(limits));
        if (announce == null) {
            announce = openAnnounce();
        }
        if (!metainfo.isPrivate()) {
            lookups = context.peerSources().subscribe(metainfo.infoHash(), context.swarms().listenPort(),
                    events::peersFound);
        }
    }

    /** Announces from the swarm service's port now: trackers hand out the port a session opened with. */
    void reannounce() {
        if (announce != null) {
            closeAnnounce();
            announce = openAnnounce();
        }
    }

    private AnnounceSession openAnnounce() {
        if (metainfo.trackers().isEmpty()) {
            return null;
        }
        LocalPeer self = new LocalPeer(context.swarms().peerId(), context.swarms().listenPort());
        return context.announcer().open(metainfo.infoHash(), metainfo.trackers(), self, events, stats);
    }

    /** Closes the swarm at once; its counters stay in {@code transfer}. */
    void closeSwarm(Transfer transfer) {
        if (lookups != null) {
            lookups.close();
            lookups = null;
        }
        Swarm open = transfer.detach();
        swarm = null;
        if (open != null) {
            try {
                open.close();
            } catch (RuntimeException e) {
                LOG.warn("{}: closing the swarm", metainfo.name(), e);
            }
        }
    }

    /**
     * Closes everything in order: the swarm at once, the announce session (trackers hear
     * {@code stopped}, waited for at most the stop wait), the storage on the closer, since its close
     * waits for the disk and saves the resume data. Completes when all are done.
     */
    CompletableFuture<Void> close(Transfer transfer) {
        closeSwarm(transfer);
        CompletableFuture<Void> announceClosed = closeAnnounce();
        TorrentStorage files = storage;
        CompletableFuture<Void> storageClosed = CompletableFuture.runAsync(() -> {
            try {
                files.close();
            } catch (StorageException e) {
                LOG.warn("{}: closing its files: {}", metainfo.name(), e.getMessage());
            }
        }, context.closer());
        return CompletableFuture.allOf(announceClosed, storageClosed);
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
