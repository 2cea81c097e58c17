package dev.shoal.engine.internal;

import dev.shoal.engine.api.TorrentState;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Starts a recheck asked of one torrent, in whatever state it is: checking already (the check under
 * way or the next opening of the storage does it), running (the swarm goes, the storage stays open
 * and is hashed again), or stopped (its storage opens to be checked in full). Engine thread only.
 */
final class RecheckStart {

    private final Lifecycle lifecycle;
    private final Runs runs;
    private final Transfer transfer;
    private final RecheckRequests rechecks;
    private final CheckSequence checks;
    private final Consumer<Lifecycle.Move> moved;
    private final Runnable openWhenClosed;

    RecheckStart(Lifecycle lifecycle, Runs runs, Transfer transfer, RecheckRequests rechecks, CheckSequence checks,
            Consumer<Lifecycle.Move> moved, Runnable openWhenClosed) {
        this.lifecycle = lifecycle;
        this.runs = runs;
        this.transfer = transfer;
        this.rechecks = rechecks;
        this.checks = checks;
        this.moved = moved;
        this.openWhenClosed = openWhenClosed;
    }

    /** {@code done} completes when the check ends. */
    void start(CompletableFuture<Void> done) {
        rechecks.waitFor(done);
        TorrentRun current = runs.current();
        if (lifecycle.state() == TorrentState.CHECKING) {
            if (current == null || !current.rechecking) {
                rechecks.want(); // after the startup check under way, or after the storage opens
            }
            return;
        }
        Lifecycle.Move move = lifecycle.recheck().orElseThrow();
        if (current != null) {
            // Running: the swarm goes (it would upload pieces the check may take away); the trackers
            // keep hearing from us.
            current.closeSwarm(transfer);
            moved.accept(move);
            checks.recheck(current);
        } else {
            rechecks.want();
            moved.accept(move);
            openWhenClosed.run();
        }
    }
}
