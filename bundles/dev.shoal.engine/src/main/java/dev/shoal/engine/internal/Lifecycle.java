package dev.shoal.engine.internal;

import dev.shoal.engine.api.TorrentState;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A torrent's state as an explicit machine: which moves exist and where a check leads. No I/O here;
 * {@link TorrentRuntime} does what a move means. Written on the engine thread only; the state and the
 * error are readable from any thread.
 *
 * <pre>
 *   add ──▶ CHECKING ──check done──▶ DOWNLOADING ──last wanted piece──▶ SEEDING ──seed goal──▶ FINISHED
 *           (PAUSED when added paused; QUEUED when no slot is free; SEEDING at once when complete)
 *   CHECKING, DOWNLOADING, SEEDING, QUEUED ──pause──▶ PAUSED      CHECKING, DOWNLOADING, SEEDING ──failure──▶ ERROR
 *   CHECKING, DOWNLOADING, SEEDING ──over the queue's limit──▶ QUEUED ──slot free──▶ CHECKING
 *   SEEDING ──a skipped file wanted again──▶ DOWNLOADING
 *   DOWNLOADING, SEEDING ──recheck──▶ CHECKING ──▶ DOWNLOADING or SEEDING
 *   PAUSED, FINISHED, ERROR ──resume──▶ CHECKING ──▶ DOWNLOADING or SEEDING   (QUEUED when no slot is free)
 *   PAUSED, FINISHED, ERROR, QUEUED ──recheck──▶ CHECKING ──▶ back to PAUSED, FINISHED or QUEUED
 * </pre>
 *
 * <p>Complete means every wanted piece verified: a torrent with skipped files seeds what it has.
 */
final class Lifecycle {

    /** A move that happened. */
    record Move(TorrentState previous, TorrentState next) {
    }

    private static final Map<TorrentState, Set<TorrentState>> MOVES = Map.of(
            TorrentState.CHECKING, EnumSet.of(TorrentState.DOWNLOADING, TorrentState.SEEDING, TorrentState.FINISHED,
                    TorrentState.PAUSED, TorrentState.ERROR, TorrentState.QUEUED),
            TorrentState.DOWNLOADING, EnumSet.of(TorrentState.SEEDING, TorrentState.CHECKING, TorrentState.PAUSED,
                    TorrentState.ERROR, TorrentState.QUEUED),
            TorrentState.SEEDING, EnumSet.of(TorrentState.FINISHED, TorrentState.CHECKING, TorrentState.PAUSED,
                    TorrentState.ERROR, TorrentState.QUEUED, TorrentState.DOWNLOADING),
            TorrentState.FINISHED, EnumSet.of(TorrentState.CHECKING, TorrentState.QUEUED),
            TorrentState.PAUSED, EnumSet.of(TorrentState.CHECKING, TorrentState.QUEUED),
            TorrentState.ERROR, EnumSet.of(TorrentState.CHECKING, TorrentState.QUEUED),
            TorrentState.QUEUED, EnumSet.of(TorrentState.CHECKING, TorrentState.PAUSED));

    private volatile TorrentState state;
    private volatile Optional<String> error = Optional.empty();
    /** Where the check under way leads: null to run (DOWNLOADING or SEEDING), else back to a stopped state. */
    private TorrentState afterCheck;

    /** A new torrent: checked at once, or paused. */
    Lifecycle(boolean paused) {
        this(paused ? TorrentState.PAUSED : TorrentState.CHECKING, Optional.empty());
    }

    /**
     * A torrent starting in {@code initial}: CHECKING (started), QUEUED (waiting for a slot), or a
     * stopped state it was kept in; {@code error} goes with ERROR only.
     */
    Lifecycle(TorrentState initial, Optional<String> error) {
        if (initial != TorrentState.CHECKING && initial != TorrentState.QUEUED && !isStopped(initial)) {
            throw new IllegalArgumentException("a torrent does not begin " + initial);
        }
        this.state = initial;
        this.error = initial == TorrentState.ERROR ? Optional.of(oneLine(error.orElse(null))) : Optional.empty();
    }

    static boolean allowed(TorrentState from, TorrentState to) {
        // METADATA is a magnet's before it is a torrent here (MagnetRuntime): no move leads to or from it.
        return MOVES.getOrDefault(from, Set.of()).contains(to);
    }

    TorrentState state() {
        return state;
    }

    Optional<String> error() {
        return error;
    }

    /**
     * The state to keep across a restart: a stopped state as it is, the one a check of a stopped
     * torrent returns to, and QUEUED for one that runs or wants to.
     */
    TorrentState keptAs() {
        if (state == TorrentState.CHECKING && afterCheck != null) {
            return afterCheck;
        }
        return isUserStopped(state) ? state : TorrentState.QUEUED;
    }

    /** Stopped: no storage, swarm or announce session wanted (QUEUED included). */
    boolean stopped() {
        return isStopped(state);
    }

    /** Checking, downloading or seeding, or checking on the way back to a stopped state. */
    boolean active() {
        return !stopped();
    }

    /** Whether the check under way (if any) leads to running rather than back to a stopped state. */
    boolean checkLeadsToRunning() {
        return state == TorrentState.CHECKING && afterCheck == null;
    }

    /** Starts a stopped torrent: it is checked first. Nothing happens to one already active. */
    Optional<Move> start() {
        if (!stopped()) {
            return Optional.empty();
        }
        afterCheck = null;
        return move(TorrentState.CHECKING);
    }

    /**
     * A recheck was asked. A running torrent goes back to running afterwards; a stopped one goes back
     * to where it was (a failed one to PAUSED: the check is what a user does about a failure).
     * Nothing happens while a check is under way already.
     */
    Optional<Move> recheck() {
        if (state == TorrentState.CHECKING) {
            return Optional.empty();
        }
        afterCheck = switch (state) {
            case FINISHED -> TorrentState.FINISHED;
            case PAUSED, ERROR -> TorrentState.PAUSED;
            case QUEUED -> TorrentState.QUEUED;
            default -> null;
        };
        return move(TorrentState.CHECKING);
    }

    /** The check ended: where the torrent goes, given whether every piece is verified. */
    Move checked(boolean complete) {
        if (state != TorrentState.CHECKING) {
            throw new IllegalStateException("no check under way in " + state);
        }
        TorrentState next;
        if (afterCheck == null) {
            next = complete ? TorrentState.SEEDING : TorrentState.DOWNLOADING;
        } else {
            // A finished torrent that lost pieces is no longer finished.
            next = afterCheck == TorrentState.FINISHED && !complete ? TorrentState.PAUSED : afterCheck;
        }
        afterCheck = null;
        return move(next).orElseThrow();
    }

    /** The last piece verified while downloading. */
    Optional<Move> completed() {
        return state == TorrentState.DOWNLOADING ? move(TorrentState.SEEDING) : Optional.empty();
    }

    /** A file wanted again while seeding: there is something to download. */
    Optional<Move> incomplete() {
        return state == TorrentState.SEEDING ? move(TorrentState.DOWNLOADING) : Optional.empty();
    }

    /**
     * The files wanted changed: a seeding torrent with a file wanted again downloads, a downloading one
     * whose wanted files are all complete seeds; otherwise nothing moves.
     */
    Optional<Move> wantedChanged(boolean complete) {
        return complete ? completed() : incomplete();
    }

    /**
     * No slot: a running torrent (or one checking to run) goes back to waiting; a stopped one the user
     * starts waits. Nothing happens to one waiting already or checking on its way back to a stopped state.
     */
    Optional<Move> queue() {
        if (state == TorrentState.QUEUED || (state == TorrentState.CHECKING && afterCheck != null)) {
            return Optional.empty();
        }
        afterCheck = null;
        return move(TorrentState.QUEUED);
    }

    /** The seed goal was reached while seeding. */
    Optional<Move> goalReached() {
        return state == TorrentState.SEEDING ? move(TorrentState.FINISHED) : Optional.empty();
    }

    /** The user paused it; a stopped torrent stays as it is, a waiting one is paused. */
    Optional<Move> pause() {
        if (isUserStopped(state)) {
            return Optional.empty();
        }
        afterCheck = null;
        return move(TorrentState.PAUSED);
    }

    /** A failure stopped it; the first reason stays when more follow. A stopped torrent cannot fail. */
    Optional<Move> fail(String reason) {
        if (stopped()) {
            return Optional.empty();
        }
        afterCheck = null;
        error = Optional.of(oneLine(reason));
        return move(TorrentState.ERROR);
    }

    private Optional<Move> move(TorrentState next) {
        TorrentState previous = state;
        if (!allowed(previous, next)) {
            throw new IllegalStateException("a torrent cannot move from " + previous + " to " + next);
        }
        if (next != TorrentState.ERROR) {
            error = Optional.empty();
        }
        state = next;
        return Optional.of(new Move(previous, next));
    }

    static boolean isStopped(TorrentState state) {
        return isUserStopped(state) || state == TorrentState.QUEUED;
    }

    /** Stopped and not waiting to run: paused, finished or failed. */
    static boolean isUserStopped(TorrentState state) {
        return state == TorrentState.PAUSED || state == TorrentState.FINISHED || state == TorrentState.ERROR;
    }

    static String oneLine(String reason) {
        String text = reason == null || reason.isBlank() ? "unknown failure" : reason.strip();
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).replace('\r', ' ').strip();
    }
}
