package dev.shoal.engine.internal;

import dev.shoal.storage.api.CheckResult;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's checking: its storage's startup check, then a full recheck when one was asked and the
 * startup check only trusted resume data (one that hashed every piece is the recheck asked for).
 * Either ends in {@code done}, or in {@code failed} with the reason. Late results of a run no longer
 * under way are dropped. Engine thread only.
 */
final class CheckSequence {

    /** A check's outcome is logged as the torrent's life, where one turns its debug log on to see it. */
    private static final Logger LOG = LoggerFactory.getLogger(TorrentRuntime.class);

    private final String name;
    private final EngineThread thread;
    private final RecheckRequests rechecks;
    private final Predicate<TorrentRun> current;
    private final BiConsumer<TorrentRun, String> failed;
    private final Consumer<TorrentRun> done;

    /**
     * @param current whether a run is the one under way
     * @param failed  hears a check that failed, and why
     * @param done    hears a check that ended
     */
    CheckSequence(String name, EngineThread thread, RecheckRequests rechecks, Predicate<TorrentRun> current,
            BiConsumer<TorrentRun, String> failed, Consumer<TorrentRun> done) {
        this.name = name;
        this.thread = thread;
        this.rechecks = rechecks;
        this.current = current;
        this.failed = failed;
        this.done = done;
    }

    /** The run's startup check ended. */
    void ready(TorrentRun run, CheckResult result, Throwable failure) {
        if (!current.test(run)) {
            return;
        }
        if (failure != null) {
            failed.accept(run, reason(failure));
            return;
        }
        LOG.debug("{}: checked ({}), {} of {} pieces", name, result.reason(), result.verified().count(),
                result.verified().pieceCount());
        if (rechecks.take() && !result.rechecked()) {
            recheck(run);
        } else {
            done.accept(run);
        }
    }

    /** Hashes every piece of the run's storage again. */
    void recheck(TorrentRun run) {
        rechecks.set(false);
        run.checked = 0;
        run.rechecking = true;
        run.storage.recheck(run.events).whenComplete((result, failure) -> thread.execute(() -> {
            if (!current.test(run)) {
                return;
            }
            run.rechecking = false;
            if (failure != null) {
                failed.accept(run, reason(failure));
            } else {
                done.accept(run);
            }
        }));
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
