package dev.shoal.engine.internal;

import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.Torrent;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moves that stop one torrent (paused, queued, failed, its seeding done) and what follows every
 * move of its {@link Lifecycle}: a stop closes its run and tells a waiting recheck why; each move is
 * noted (notes, seeding clock), kept in its record, and heard by the queue and the listeners. Nothing
 * is kept once the torrent is removed. Engine thread only.
 */
final class TorrentMoves {

    /** Logged as the torrent's own life, as {@link CheckSequence} is: one logger to turn up for a torrent. */
    private static final Logger LOG = LoggerFactory.getLogger(TorrentRuntime.class);

    private final String name;
    private final Lifecycle lifecycle;
    private final BooleanSupplier removed;
    private final TorrentNotes notes;
    private final SeedClock seedClock;
    private final Runs runs;
    private final Transfer transfer;
    private final RecheckRequests rechecks;
    private final TorrentView view;
    private final EngineContext context;
    private final Torrent facade;
    private final RecordKeeper records;

    /** @param removed whether the torrent was removed: then nothing is kept any more */
    TorrentMoves(String name, Lifecycle lifecycle, BooleanSupplier removed, TorrentNotes notes, SeedClock seedClock,
            Runs runs, Transfer transfer, RecheckRequests rechecks, TorrentView view, EngineContext context,
            Torrent facade) {
        this.name = name;
        this.lifecycle = lifecycle;
        this.removed = removed;
        this.notes = notes;
        this.seedClock = seedClock;
        this.runs = runs;
        this.transfer = transfer;
        this.rechecks = rechecks;
        this.view = view;
        this.context = context;
        this.facade = facade;
        this.records = new RecordKeeper(kept -> context.writer().save(kept));
    }

    /** Its seeding goal or idle limit is reached: it finishes. */
    void seedingDone(boolean idled) {
        Lifecycle.Move move = lifecycle.goalReached().orElseThrow();
        LOG.info("{}: {}", name, idled ? "idle seeding limit reached" : "seed goal reached");
        stopRun();
        moved(move);
    }

    void pause() {
        lifecycle.pause().ifPresent(move -> stopped(move, new CancellationException(name + " was paused")));
    }

    /** Stops and waits for a slot; {@code why} is logged. */
    void queue(String why) {
        if (removed.getAsBoolean()) {
            return;
        }
        lifecycle.queue().ifPresent(move -> {
            LOG.info("{}: queued, {}", name, why);
            stopped(move, new CancellationException(name + " was queued"));
        });
    }

    /** Stops with a reason; what is verified stays. */
    void fail(String reason) {
        lifecycle.fail(reason).ifPresent(move -> {
            LOG.warn("{}: stopped: {}", name, lifecycle.error().orElse(reason));
            stopped(move, new EngineException(lifecycle.error().orElse(reason)));
        });
    }

    /** Closes the run under way, if any; its transfer counts stay. */
    void stopRun() {
        runs.stop(transfer);
    }

    /** A move that stops the torrent: its run closes and a waiting recheck fails with {@code why}. */
    private void stopped(Lifecycle.Move move, Exception why) {
        stopRun();
        rechecks.release(why);
        moved(move);
    }

    /** After a move: the notes and the seeding clock follow it, then the listeners hear. */
    void moved(Lifecycle.Move move) {
        notes.moved(move.next());
        seedClock.follow(move);
        LOG.debug("{}: {} -> {}", name, move.previous(), move.next());
        keep();
        context.queue().changed();
        context.listeners().stateChanged(facade, move.previous(), view.status());
    }

    /** Hands its record to the store when it changed since the last time. */
    void keep() {
        if (!removed.getAsBoolean()) {
            records.keep(view.record());
        }
    }

    /** The periodic save: its clocks alone are saved only now and then. */
    void keepCounters() {
        if (!removed.getAsBoolean()) {
            records.keepCounters(view.record());
        }
    }
}
