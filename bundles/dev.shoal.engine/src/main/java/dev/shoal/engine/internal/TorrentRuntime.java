package dev.shoal.engine.internal;

import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.engine.api.PeerStatus;
import dev.shoal.engine.api.QueueMove;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.Swarm;
import dev.shoal.storage.api.CheckResult;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.PieceSet;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.TorrentStorage;
import dev.shoal.tracker.api.TrackerPeer;
import dev.shoal.tracker.api.TransferStats;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One torrent's life. Its state is a {@link Lifecycle}; this class does what each move means:
 * opening the storage and waiting for its check, joining the swarm and announcing, closing them in
 * order. Every method but the {@link Torrent} ones and {@link #status()} runs on the engine thread;
 * the {@link Torrent} methods hand their work to it and return at once.
 */
final class TorrentRuntime implements Torrent {

    private static final Logger LOG = LoggerFactory.getLogger(TorrentRuntime.class);

    private final int id;
    private final Instant added;
    private final Metainfo metainfo;
    private final Path downloadDirectory;
    private final EngineContext context;
    private final EngineThread thread;
    private final Lifecycle lifecycle;
    private final Transfer transfer;
    private final SeedClock seedClock;
    private final TrackerInfos trackers;
    /** Replaced when a priority changes. */
    private volatile FileChoice files;
    private final List<CompletableFuture<Void>> checkWaiters = new ArrayList<>();
    private volatile SeedGoal goal;
    private volatile RateLimits limits;
    /** The run under way; null while stopped (or waiting for the last one to be closed). */
    private volatile TorrentRun run;
    /** The verified pieces when the last storage was closed. */
    private volatile PieceSet lastVerified;
    /** Completes when the last run's swarm, announce session and storage are closed. */
    private CompletableFuture<Void> closed = CompletableFuture.completedFuture(null);
    /** Counts starts, so that only the latest of several waiting for {@link #closed} opens. */
    private int starts;
    /** The next check opening the storage is followed by a full recheck. */
    private boolean recheckWanted;
    private boolean removed;
    /** What was last handed to the store, so unchanged torrents are not written again. */
    private TorrentRecord saved;
    /**
     * Whether a check told what is on disk: false for a torrent just added (or kept with nothing
     * verified) until its first check ends. Until then it takes a check slot, not a download slot.
     */
    private boolean completenessKnown;

    /**
     * A torrent as its record keeps it (just added, or restored after a restart).
     *
     * @param startNow begin checking at once (a slot is free), rather than in the record's state
     */
    TorrentRuntime(Metainfo metainfo, TorrentRecord record, boolean startNow, EngineContext context) {
        this.id = record.id();
        this.added = record.added();
        this.metainfo = metainfo;
        this.downloadDirectory = record.downloadDirectory();
        this.context = context;
        this.thread = context.thread();
        this.lifecycle = startNow ? new Lifecycle(false) : new Lifecycle(record.state(), record.error());
        this.transfer = new Transfer(record.transfer());
        this.seedClock = SeedClock.system(record.seeding());
        this.trackers = new TrackerInfos(metainfo.trackers());
        this.goal = record.seedGoal();
        this.limits = record.rateLimits();
        this.lastVerified = record.verified();
        this.completenessKnown = record.verified().count() > 0;
        this.files = new FileChoice(new FileTable(metainfo), record.priorities());
    }

    // ---- Torrent: any thread ----

    @Override
    public int id() {
        return id;
    }

    @Override
    public InfoHash infoHash() {
        return metainfo.infoHash();
    }

    @Override
    public BitSet verifiedPieces() {
        return verifiedNow().toBitSet();
    }

    @Override
    public Metainfo metainfo() {
        return metainfo;
    }

    @Override
    public Path downloadDirectory() {
        return downloadDirectory;
    }

    @Override
    public TorrentStatus status() {
        TorrentRun current = run;
        TorrentStorage storage = current == null ? null : current.storage;
        PieceSet verified = verifiedNow();
        int checked = 0;
        if (current != null && storage != null) {
            // A requested recheck reports its progress; the startup check only its hashing count.
            checked = current.rechecking ? current.checked : (int) Math.min(storage.stats().piecesHashed(),
                    metainfo.pieceCount());
        }
        return StatusBuilder.build(metainfo, lifecycle.state(), lifecycle.error(), verified, checked,
                transfer.snapshot(), seedClock.elapsed(), goal,
                trackers.now(current == null ? null : current.announce));
    }

    @Override
    public void pause() {
        thread.execute(this::pauseNow);
    }

    @Override
    public void resume() {
        thread.execute(this::resumeNow);
    }

    @Override
    public CompletionStage<Void> recheck() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!thread.submit(() -> recheckNow(done))) {
            done.completeExceptionally(new CancellationException("the engine has stopped"));
        }
        return done.minimalCompletionStage();
    }

    @Override
    public void setSeedGoal(SeedGoal value) {
        goal = Objects.requireNonNull(value, "goal");
        thread.execute(this::persist);
    }

    @Override
    public SeedGoal seedGoal() {
        return goal;
    }

    @Override
    public void setRateLimits(RateLimits value) {
        limits = Objects.requireNonNull(value, "limits");
        thread.execute(() -> {
            TorrentRun current = run;
            if (current != null && current.swarm != null) {
                current.swarm.setRateLimits(Limits.toSwarm(limits));
            }
            persist();
        });
    }

    @Override
    public RateLimits rateLimits() {
        return limits;
    }

    @Override
    public List<FileStatus> files() {
        return files.statuses(verifiedNow());
    }

    @Override
    public void setFilePriority(int index, FilePriority priority) {
        Objects.checkIndex(index, files.size());
        Objects.requireNonNull(priority, "priority");
        thread.execute(() -> setFilePriorityNow(index, priority));
    }

    @Override
    public List<PeerStatus> peers() {
        TorrentRun current = run;
        Swarm swarm = current == null ? null : current.swarm;
        return swarm == null ? List.of() : PeerStatuses.of(swarm.peers(), metainfo.pieceCount());
    }

    @Override
    public int queuePosition() {
        return context.table().position(this);
    }

    @Override
    public void moveInQueue(QueueMove move) {
        Objects.requireNonNull(move, "move");
        thread.execute(() -> context.moveInQueue().accept(this, move));
    }

    @Override
    public CompletionStage<Void> remove() {
        return remove(false);
    }

    @Override
    public CompletionStage<Void> remove(boolean deleteFiles) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!thread.submit(() -> removeNow(deleteFiles).whenComplete((ignored, failure) -> {
            if (failure == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        }))) {
            done.complete(null);
        }
        return done.minimalCompletionStage();
    }

    @Override
    public String toString() {
        return "Torrent[" + metainfo.name() + ", " + lifecycle.state() + "]";
    }

    // ---- the engine thread from here on ----

    /** A new torrent joins the engine: started (its storage opened) unless added paused. */
    void added() throws StorageException {
        if (lifecycle.state() == TorrentState.CHECKING) {
            open();
        }
    }

    /** Each second: a seeding torrent whose goal is reached finishes. */
    void tick() {
        if (lifecycle.state() != TorrentState.SEEDING) {
            return;
        }
        if (goal.reached(transfer.snapshot().total().uploaded(), metainfo.totalLength(), seedClock.elapsed())) {
            Lifecycle.Move move = lifecycle.goalReached().orElseThrow();
            LOG.info("{}: seed goal reached", metainfo.name());
            stopRun();
            moved(move);
        }
    }

    /** What the queue sees of it now. */
    QueuePolicy.Entry queueEntry() {
        TorrentState state = lifecycle.state();
        QueuePolicy.Standing standing = switch (state) {
            case DOWNLOADING, SEEDING -> QueuePolicy.Standing.RUNNING;
            case QUEUED -> QueuePolicy.Standing.WAITING;
            case CHECKING -> lifecycle.checkLeadsToRunning() ? QueuePolicy.Standing.RUNNING
                    : QueuePolicy.Standing.STOPPED;
            default -> QueuePolicy.Standing.STOPPED;
        };
        return new QueuePolicy.Entry(standing, standing == QueuePolicy.Standing.STOPPED ? QueuePolicy.Kind.DOWNLOAD
                : queueKind());
    }

    /**
     * The slot it takes: a seed's when seeding, or when every wanted piece was verified when last seen;
     * a check slot while what is on disk is not known yet.
     */
    QueuePolicy.Kind queueKind() {
        return switch (lifecycle.state()) {
            case SEEDING -> QueuePolicy.Kind.SEED;
            case DOWNLOADING -> QueuePolicy.Kind.DOWNLOAD;
            // While checking, what was verified before counts too: the check is on its way to it.
            default -> !completenessKnown ? QueuePolicy.Kind.CHECK
                    : files.complete(verifiedNow()) || files.complete(lastVerified)
                    ? QueuePolicy.Kind.SEED : QueuePolicy.Kind.DOWNLOAD;
        };
    }

    /** The queue gives it a slot: it starts. */
    void startFromQueue() {
        if (removed || lifecycle.state() != TorrentState.QUEUED) {
            return;
        }
        lifecycle.start().ifPresent(move -> {
            moved(move);
            openWhenClosed();
        });
    }

    /** The queue takes its slot back: it stops and waits. */
    void sendBackToQueue() {
        if (removed) {
            return;
        }
        lifecycle.queue().ifPresent(move -> {
            LOG.info("{}: queued, more torrents run than the queue allows", metainfo.name());
            stopRun();
            releaseWaiters(new CancellationException(metainfo.name() + " was queued"));
            moved(move);
        });
    }

    /** Its record as it stands. */
    TorrentRecord record() {
        TorrentState kept = lifecycle.keptAs();
        return new TorrentRecord(id, metainfo.infoHash(), downloadDirectory, kept,
                kept == TorrentState.ERROR ? lifecycle.error() : Optional.empty(), goal, limits,
                files.priorities(), verifiedNow(), transfer.snapshot().total(), seedClock.elapsed(), added);
    }

    /** Hands its record to the store when it changed since the last time. */
    void persist() {
        if (removed) {
            return;
        }
        TorrentRecord now = record();
        if (!now.equals(saved)) {
            saved = now;
            context.writer().save(now);
        }
    }

    /** Stops for good, without telling listeners: the torrent is removed or the engine stops. */
    CompletableFuture<Void> shutdown() {
        removed = true;
        lifecycle.pause();
        stopRun();
        releaseWaiters(new CancellationException(metainfo.name() + " was removed"));
        return closed;
    }

    /** Announces again from a new port: trackers hand out the port a session opened with. */
    void portChanged() {
        TorrentRun current = run;
        if (current != null) {
            current.reannounce();
        }
    }

    private void pauseNow() {
        lifecycle.pause().ifPresent(move -> {
            stopRun();
            releaseWaiters(new CancellationException(metainfo.name() + " was paused"));
            moved(move);
        });
    }

    private void resumeNow() {
        TorrentState was = lifecycle.state();
        if (removed || !Lifecycle.isUserStopped(was)) {
            return;
        }
        if (was == TorrentState.FINISHED && goal.reached(transfer.snapshot().total().uploaded(),
                metainfo.totalLength(), seedClock.elapsed())) {
            // As Transmission does: started by hand after its goal, it seeds until stopped.
            LOG.info("{}: restarted after reaching its seed goal, seeding until stopped", metainfo.name());
            goal = SeedGoal.FOREVER;
        }
        // A failed torrent is checked in full: its files may have changed with the failure.
        recheckWanted = was == TorrentState.ERROR;
        if (!context.queue().slotFor(this)) {
            lifecycle.queue().ifPresent(this::moved);
            return;
        }
        lifecycle.start().ifPresent(move -> {
            moved(move);
            openWhenClosed();
        });
    }

    private void setFilePriorityNow(int index, FilePriority priority) {
        if (removed || files.priorities().get(index) == priority) {
            return;
        }
        files = files.with(index, priority);
        TorrentRun current = run;
        if (current != null && current.swarm != null) {
            current.swarm.setPiecePriorities(files.wanted());
        }
        boolean complete = files.complete(verifiedNow());
        if (lifecycle.state() == TorrentState.SEEDING && !complete) {
            lifecycle.incomplete().ifPresent(move -> {
                LOG.info("{}: a file is wanted again, downloading", metainfo.name());
                moved(move);
            });
        } else if (lifecycle.state() == TorrentState.DOWNLOADING && complete) {
            lifecycle.completed().ifPresent(move -> {
                LOG.info("{}: every wanted file is complete", metainfo.name());
                moved(move);
            });
        }
        persist();
        context.queue().changed();
    }

    private void recheckNow(CompletableFuture<Void> done) {
        if (removed) {
            done.completeExceptionally(new CancellationException(metainfo.name() + " was removed"));
            return;
        }
        checkWaiters.add(done);
        if (lifecycle.state() == TorrentState.CHECKING) {
            TorrentRun current = run;
            if (current == null || !current.rechecking) {
                recheckWanted = true; // after the startup check under way, or after the storage opens
            }
            return;
        }
        Lifecycle.Move move = lifecycle.recheck().orElseThrow();
        TorrentRun current = run;
        if (current != null) {
            // Running: the swarm goes (it would upload pieces the check may take away); the trackers
            // keep hearing from us.
            current.closeSwarm(transfer);
            moved(move);
            startRecheck(current);
        } else {
            recheckWanted = true;
            moved(move);
            openWhenClosed();
        }
    }

    private CompletableFuture<Void> removeNow(boolean deleteFiles) {
        if (removed) {
            return closed;
        }
        context.forget().accept(this);
        CompletableFuture<Void> stopped = shutdown();
        context.listeners().removed(this);
        if (!deleteFiles) {
            return stopped;
        }
        Path resumeFile = TorrentRun.resumeFile(context, metainfo);
        return stopped.thenRunAsync(() -> {
            try {
                context.services().storage.get().orElseThrow(() -> new StorageException(StorageException.Kind.IO,
                        "no storage service is running")).delete(metainfo, downloadDirectory, resumeFile);
                LOG.info("{}: its files are deleted", metainfo.name());
            } catch (StorageException e) {
                LOG.warn("{}: deleting its files: {}", metainfo.name(), e.getMessage());
                throw new CompletionException(new EngineException("cannot delete every file of " + metainfo.name()
                        + ": " + e.getMessage(), e));
            }
        }, context.closer());
    }

    /** Opens the storage once the last run is closed (its files and resume data are then free). */
    private void openWhenClosed() {
        int start = ++starts;
        closed.whenComplete((ignored, failure) -> thread.execute(() -> {
            if (start != starts || removed || lifecycle.state() != TorrentState.CHECKING || run != null) {
                return;
            }
            try {
                open();
            } catch (StorageException e) {
                fail(null, e.getMessage());
            } catch (RuntimeException e) {
                fail(null, String.valueOf(e.getMessage()));
            }
        }));
    }

    /**
     * Opens the storage for a new run and waits for its startup check. Without a storage service it
     * stays checking, and opens when one comes ({@link #servicesChanged}).
     */
    private void open() throws StorageException {
        TorrentRun next = new TorrentRun(this, context, this::transferStats);
        if (!next.openStorage(downloadDirectory)) {
            LOG.info("{}: waiting for a storage service", metainfo.name());
            return;
        }
        run = next;
        next.storage.ready().whenComplete((result, failure) -> thread.execute(() -> ready(next, result, failure)));
    }

    private void ready(TorrentRun current, CheckResult result, Throwable failure) {
        if (current != run) {
            return;
        }
        if (failure != null) {
            fail(current, reason(failure));
            return;
        }
        LOG.debug("{}: checked ({}), {} of {} pieces", metainfo.name(), result.reason(), result.verified().count(),
                metainfo.pieceCount());
        if (recheckWanted && !result.rechecked()) {
            startRecheck(current);
        } else {
            recheckWanted = false; // a startup check that hashed every piece is the recheck asked for
            checkDone(current);
        }
    }

    private void startRecheck(TorrentRun current) {
        recheckWanted = false;
        current.checked = 0;
        current.rechecking = true;
        current.storage.recheck(current.events).whenComplete((result, failure) -> thread.execute(() -> {
            if (current != run) {
                return;
            }
            current.rechecking = false;
            if (failure != null) {
                fail(current, reason(failure));
            } else {
                checkDone(current);
            }
        }));
    }

    /** A check ended: run (join the swarm, announce) or go back to the stopped state it came from. */
    private void checkDone(TorrentRun current) {
        completenessKnown = true;
        Lifecycle.Move move = lifecycle.checked(files.complete(current.storage.verified()));
        String problem = null;
        if (lifecycle.stopped()) {
            stopRun();
        } else {
            problem = goOnline(current);
        }
        moved(move);
        releaseWaiters(null);
        if (problem != null) {
            fail(current, problem);
        }
    }

    /** Joins the swarm and announces; returns why it could not, or null. */
    private String goOnline(TorrentRun current) {
        try {
            current.goOnline(transfer, this::configure);
            return null;
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot start", metainfo.name(), e);
            return "cannot start: " + e.getMessage();
        }
    }

    /** A swarm just joined gets the torrent's limits and priorities. */
    private void configure(Swarm swarm) {
        swarm.setRateLimits(Limits.toSwarm(limits));
        if (!files.wanted().all()) {
            swarm.setPiecePriorities(files.wanted());
        }
    }

    /**
     * A storage, peer wire or announcer service came or went: a torrent waiting to open its storage
     * opens it; a check reading a storage of a service that left starts over; a running torrent
     * replaces what it lost and keeps running (see {@link TorrentRun#followServices}).
     *
     * @param stopping the framework shuts down: trackers hear {@code stopped} as at any stop
     */
    void servicesChanged(boolean stopping) {
        if (removed) {
            return;
        }
        TorrentRun current = run;
        if (current == null) {
            if (lifecycle.state() == TorrentState.CHECKING) {
                openWhenClosed();
            }
            return;
        }
        if (lifecycle.state() == TorrentState.CHECKING && !current.storageCurrent()) {
            recheckWanted |= current.rechecking;
            stopRun();
            openWhenClosed();
            return;
        }
        current.followServices(transfer, this::configure, stopping);
    }

    void pieceChecked(TorrentRun current, PieceResult result) {
        if (current != run) {
            return;
        }
        Swarm swarm = current.swarm;
        if (swarm != null) {
            swarm.pieceChecked(result);
        }
        if (result.verified() && files.complete(current.storage.verified())) {
            lifecycle.completed().ifPresent(move -> {
                LOG.info("{}: download complete", metainfo.name());
                if (current.announce != null) {
                    current.announce.completed();
                }
                moved(move);
            });
        }
    }

    void failed(TorrentRun current, StorageException failure) {
        fail(current, failure.getMessage());
    }

    void peersReceived(TorrentRun current, String trackerUrl, List<TrackerPeer> peers) {
        List<InetSocketAddress> others = OwnAddress.others(peers, context.services().listenPort());
        trackers.peersReceived(trackerUrl, others.size());
        if (current == run && !others.isEmpty()) {
            current.addPeers(others);
        }
    }

    void peersFound(TorrentRun current, String source, List<InetSocketAddress> peers) {
        int port = context.services().listenPort();
        List<InetSocketAddress> others = peers.stream().filter(peer -> !OwnAddress.isSelf(peer, port)).toList();
        if (current == run && !others.isEmpty()) {
            LOG.debug("{}: {} peers from {}", metainfo.name(), others.size(), source);
            current.addPeers(others);
        }
    }

    void peersWanted(TorrentRun current) {
        if (current == run && current.announce != null) {
            current.announce.announceNow();
        }
    }

    /** Stops with a reason; what is verified stays. {@code current} null: no run was opened. */
    private void fail(TorrentRun current, String reason) {
        if (current != run) {
            return;
        }
        lifecycle.fail(reason).ifPresent(move -> {
            LOG.warn("{}: stopped: {}", metainfo.name(), lifecycle.error().orElse(reason));
            stopRun();
            releaseWaiters(new EngineException(lifecycle.error().orElse(reason)));
            moved(move);
        });
    }

    /** Closes the run under way in order (see {@link TorrentRun#close}); {@link #closed} follows it. */
    private void stopRun() {
        TorrentRun current = run;
        if (current == null) {
            return;
        }
        run = null;
        lastVerified = current.storage.verified();
        closed = current.close(transfer);
    }

    /** After a move: the seeding clock follows SEEDING, then the listeners hear. */
    private void moved(Lifecycle.Move move) {
        if (move.next() == TorrentState.SEEDING) {
            seedClock.start();
        } else if (move.previous() == TorrentState.SEEDING) {
            seedClock.stop();
        }
        LOG.debug("{}: {} -> {}", metainfo.name(), move.previous(), move.next());
        persist();
        context.queue().changed();
        context.listeners().stateChanged(this, move.previous(), status());
    }

    private void releaseWaiters(Throwable failure) {
        List<CompletableFuture<Void>> waiting = List.copyOf(checkWaiters);
        checkWaiters.clear();
        for (CompletableFuture<Void> waiter : waiting) {
            if (failure == null) {
                waiter.complete(null);
            } else {
                waiter.completeExceptionally(failure);
            }
        }
    }

    /** What the trackers hear: bytes moved since added, bytes still missing. */
    private TransferStats transferStats() {
        PieceSet verified = verifiedNow();
        Transfer.Counts total = transfer.snapshot().total();
        return new TransferStats(total.uploaded(), total.downloaded(), StatusBuilder.left(metainfo, verified));
    }

    /** The verified pieces: the open storage's, else those when it was last closed (or saved). */
    private PieceSet verifiedNow() {
        TorrentRun current = run;
        TorrentStorage storage = current == null ? null : current.storage;
        return storage == null ? lastVerified : storage.verified();
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
