package dev.shoal.engine.internal;

import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.StorageException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntBinaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One torrent's life. Its state is a {@link Lifecycle}; this class does what each move means:
 * opening the storage and waiting for its check, joining the swarm and announcing, closing them in
 * order; its stops and what follows each move are {@link TorrentMoves}. Callers reach it through its
 * {@link TorrentFacade}, which hands every change to the engine thread; every method here runs
 * there, but for the reads marked "any thread".
 */
final class TorrentRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(TorrentRuntime.class);

    /** As in its torrent file. */
    private final Metainfo metainfo;
    private final Placement placement;
    private final TorrentNotes notes;
    private final Relocation relocation;
    private final EngineContext context;
    private final TorrentFacade facade;
    private final Lifecycle lifecycle;
    private final Transfer transfer;
    private final SeedClock seedClock;
    private final TrackerInfos trackers;
    private final RecheckRequests rechecks = new RecheckRequests();
    private final QueueStanding standing;
    private final TorrentChoices choices;
    private final Runs runs;
    private final RecheckStart recheckStart;
    private final TorrentView view;
    private final TorrentMoves moves;
    private boolean removed;

    /**
     * A torrent as its record keeps it (just added, or restored after a restart).
     *
     * @param startNow begin checking at once (a slot is free), rather than in the record's state
     */
    TorrentRuntime(Metainfo metainfo, TorrentRecord record, boolean startNow, EngineContext context) {
        this.metainfo = metainfo;
        this.placement = new Placement(Layouts.restore(metainfo, record.extras().paths()).orElse(metainfo),
                record.downloadDirectory());
        this.notes = new TorrentNotes(record, Clock.systemUTC());
        this.context = context;
        EngineThread thread = context.thread();
        this.facade = new TorrentFacade(this, thread, context.table());
        this.lifecycle = startNow ? new Lifecycle(false) : new Lifecycle(record.state(), record.error());
        this.transfer = new Transfer(record.transfer());
        this.seedClock = SeedClock.system(record.seeding());
        this.trackers = new TrackerInfos(this::trackers);
        this.choices = new TorrentChoices(metainfo, record);
        CheckSequence checks = new CheckSequence(metainfo.name(), thread, rechecks, this::isCurrent, this::fail,
                this::checkDone);
        this.runs = new Runs(metainfo.name(), placement::directory, record.verified(), thread,
                () -> new TorrentRun(this, context, () -> view().transferStats()), checks::ready);
        this.view = new TorrentView(record.id(), record.added(), metainfo, placement, lifecycle, transfer,
                seedClock, trackers, choices, runs, notes);
        this.moves = new TorrentMoves(metainfo.name(), lifecycle, () -> removed, notes, seedClock, runs, transfer,
                rechecks, view, context, facade);
        this.relocation = new Relocation(metainfo.name(), placement, runs, context);
        this.recheckStart = new RecheckStart(lifecycle, runs, transfer, rechecks, checks, moves::moved,
                this::openWhenClosed);
        this.standing = new QueueStanding(lifecycle, choices::files, runs::verifiedNow, runs::lastVerified);
    }

    // ---- reads: any thread ----

    /** The torrent as callers see it. */
    Torrent facade() {
        return facade;
    }

    int id() {
        return view.id();
    }

    InfoHash infoHash() {
        return metainfo.infoHash();
    }

    /** As laid out now: renamed files have their new paths. */
    Metainfo metainfo() {
        return placement.layout();
    }

    /** Its status, peers and record, from any thread. */
    TorrentView view() {
        return view;
    }

    TorrentChoices choices() {
        return choices;
    }

    /** Where the engine's store keeps its torrent file. Any thread. */
    Path torrentFile() {
        return context.settings().get().torrentsDirectory().resolve(metainfo.infoHash().hex()
                + SessionStore.TORRENT_SUFFIX);
    }

    /** Its trackers by tier: the edited ones, else the torrent file's. Any thread. */
    List<List<String>> trackers() {
        return notes.trackers().orElseGet(metainfo::trackers);
    }

    @Override
    public String toString() {
        return "Torrent[" + metainfo.name() + ", " + lifecycle.state() + "]";
    }

    // ---- the engine thread from here on ----

    /**
     * A new torrent joins the engine: started (its storage opened) unless added paused. Its runs also
     * dial {@code knownPeers}, found before it was a torrent (a magnet link's).
     */
    void added(Map<String, List<InetSocketAddress>> knownPeers) throws StorageException {
        runs.dialAlso(knownPeers);
        if (lifecycle.state() == TorrentState.CHECKING) {
            runs.open();
        }
    }

    /** Each second: activity is noted; a seeding torrent whose goal or idle limit is reached finishes. */
    void tick() {
        boolean idled = notes.tick(lifecycle.state(), transfer.snapshot(), context.settings().get().idleLimit());
        if (lifecycle.state() != TorrentState.SEEDING) {
            return;
        }
        if (view.goalReached() || idled) {
            moves.seedingDone(idled);
        }
    }

    QueueStanding standing() {
        return standing;
    }

    /** The queue gives it a slot: it starts. */
    void startFromQueue() {
        if (removed || lifecycle.state() != TorrentState.QUEUED) {
            return;
        }
        lifecycle.start().ifPresent(move -> {
            moves.moved(move);
            openWhenClosed();
        });
    }

    /** The queue takes its slot back: it stops and waits. */
    void sendBackToQueue() {
        moves.queue("more torrents run than the queue allows");
    }

    /** Hands its record to the store when it changed since the last time. */
    void persist() {
        moves.keep();
    }

    /** The periodic save of a running torrent: its clocks alone are saved only now and then. */
    void persistCounters() {
        moves.keepCounters();
    }

    /** Neither paused, finished nor failed: the engine's tick looks at it. */
    boolean awake() {
        return !removed && !Lifecycle.isUserStopped(lifecycle.state());
    }

    /** Stops for good, without telling listeners: the torrent is removed or the engine stops. */
    CompletableFuture<Void> shutdown() {
        removed = true;
        lifecycle.pause();
        moves.stopRun();
        rechecks.release(new CancellationException(metainfo.name() + " was removed"));
        return runs.closed();
    }

    /** Announces again from a new port: trackers hand out the port a session opened with. */
    void portChanged() {
        runs.ifRunning(TorrentRun::reannounce);
    }

    /** Its trackers were edited: kept, and a running torrent announces to the new list. */
    void trackersChanged() {
        persist();
        runs.ifRunning(TorrentRun::trackersChanged);
    }

    void pause() {
        moves.pause();
    }

    void resume() {
        TorrentState was = lifecycle.state();
        if (removed || !Lifecycle.isUserStopped(was)) {
            return;
        }
        if (was == TorrentState.FINISHED && view.goalReached()) {
            // As Transmission does: started by hand after its goal, it seeds until stopped.
            LOG.info("{}: restarted after reaching its seed goal, seeding until stopped", metainfo.name());
            choices.setGoal(SeedGoal.FOREVER);
        }
        // A failed torrent is checked in full: its files may have changed with the failure.
        rechecks.set(was == TorrentState.ERROR);
        if (!context.queue().slotFor(this)) {
            lifecycle.queue().ifPresent(moves::moved);
            return;
        }
        lifecycle.start().ifPresent(move -> {
            moves.moved(move);
            openWhenClosed();
        });
    }

    void rateLimitsChanged() {
        runs.swarm().ifPresent(choices::tellLimits);
        persist();
    }

    void moveInQueue(IntBinaryOperator move) {
        context.moveInQueue().accept(this, move);
    }

    void setFilePriority(int index, FilePriority priority) {
        if (removed || choices.files().priorities().get(index) == priority) {
            return;
        }
        FileChoice files = choices.files().with(index, priority);
        choices.setFiles(files);
        runs.swarm().ifPresent(choices::tellPriorities);
        boolean complete = files.complete(runs.verifiedNow());
        lifecycle.wantedChanged(complete).ifPresent(move -> {
            LOG.info("{}: {}", metainfo.name(), complete ? "every wanted file is complete"
                    : "a file is wanted again, downloading");
            moves.moved(move);
        });
        persist();
        context.queue().changed();
    }

    void recheck(CompletableFuture<Void> done) {
        if (removed) {
            done.completeExceptionally(new CancellationException(metainfo.name() + " was removed"));
            return;
        }
        recheckStart.start(done);
    }

    /** Forgets the torrent and stops it; then, if asked, deletes its files (see {@link Removal}). */
    CompletableFuture<Void> remove(boolean deleteFiles) {
        if (removed) {
            return runs.closed();
        }
        context.forget().accept(this);
        CompletableFuture<Void> stopped = shutdown();
        context.listeners().removed(facade);
        return deleteFiles ? Removal.deleteFiles(stopped, placement, context) : stopped;
    }

    /** Moves or renames its files ({@link Relocation}); a running torrent waits in the queue meanwhile. */
    void relocate(Placement.Now target, boolean moveData, CompletableFuture<Void> done) {
        if (removed) {
            done.completeExceptionally(new EngineException(metainfo.name() + " was removed"));
            return;
        }
        relocation.start(target, moveData, () -> {
            moves.queue("its files move");
            return runs.current() == null;
        }, () -> {
            persist();
            if (!removed && lifecycle.state() == TorrentState.CHECKING) {
                openWhenClosed();
            }
        }, done);
    }

    /** Opens a run once the last is closed, if it still checks then. */
    private void openWhenClosed() {
        runs.openWhenClosed(() -> !removed && lifecycle.state() == TorrentState.CHECKING,
                reason -> fail(null, reason));
    }

    /**
     * A check ended: run (join the swarm, announce) or go back to the stopped state it came from. It
     * goes online before its state says so, so whoever sees it downloading or seeding finds the swarm
     * joined and told the torrent's priorities.
     */
    private void checkDone(TorrentRun current) {
        standing.checked();
        boolean complete = choices.files().complete(current.storage.verified());
        String problem = lifecycle.checkLeadsToRunning() ? current.goOnline(transfer) : null;
        Lifecycle.Move move = lifecycle.checked(complete);
        if (lifecycle.stopped()) {
            moves.stopRun();
        }
        moves.moved(move);
        rechecks.release(null);
        if (problem != null) {
            fail(current, problem);
        }
    }

    /**
     * A storage, peer wire or announcer came or went: a torrent waiting for a storage opens
     * it; a check of a storage whose service left starts over; a running torrent replaces what it
     * lost and runs on ({@link TorrentRun#followServices}).
     *
     * @param stopping the framework shuts down: trackers hear {@code stopped} as at any stop
     */
    void servicesChanged(boolean stopping) {
        if (removed) {
            return;
        }
        TorrentRun current = runs.current();
        if (current == null) {
            if (lifecycle.state() == TorrentState.CHECKING) {
                openWhenClosed();
            }
            return;
        }
        if (lifecycle.state() == TorrentState.CHECKING && !current.storageCurrent()) {
            if (current.rechecking) {
                rechecks.want();
            }
            moves.stopRun();
            openWhenClosed();
            return;
        }
        current.followServices(transfer, stopping);
    }

    /** {@code swarmTold}: the run's swarm heard of it already (see {@link RunEvents#pieceChecked}). */
    void pieceChecked(TorrentRun current, PieceResult result, boolean swarmTold) {
        if (!isCurrent(current)) {
            return;
        }
        if (!swarmTold) {
            current.tellSwarm(result);
        }
        if (result.verified() && choices.files().complete(current.storage.verified())) {
            lifecycle.completed().ifPresent(move -> {
                LOG.info("{}: download complete", metainfo.name());
                current.completed();
                moves.moved(move);
            });
        }
    }

    void failed(TorrentRun current, StorageException failure) {
        fail(current, failure.getMessage());
    }

    /** Whether {@code current} is the run under way, not a late one's. */
    boolean isCurrent(TorrentRun current) {
        return current == runs.current();
    }

    /** Stops with a reason; what is verified stays. {@code current} null: no run was opened. */
    private void fail(TorrentRun current, String reason) {
        if (isCurrent(current)) {
            moves.fail(reason);
        }
    }

}
