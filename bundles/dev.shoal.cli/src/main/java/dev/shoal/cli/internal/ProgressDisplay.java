package dev.shoal.cli.internal;

import java.io.PrintWriter;
import java.time.Duration;

import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;

/**
 * {@code shoal get}'s output on stdout. On a terminal one line is redrawn in place about every
 * second (cut to the screen's width, so it never wraps); elsewhere (a log, a pipe) a full line is
 * written every 5 seconds and at each change of state. Quiet, it writes nothing. Also keeps the
 * times the summary needs. Safe to call from the shutdown hook while the main thread polls.
 */
final class ProgressDisplay {

    static final Duration TERMINAL_INTERVAL = Duration.ofSeconds(1);
    static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

    private final PrintWriter out;
    private final Terminal terminal;
    private final boolean quiet;
    private final SeedGoal goal;
    private final long startNanos;

    private boolean drawn;
    private int drawnLength;
    private boolean closed;
    private long lastShown;
    private TorrentState lastState;
    private long downloadStart = -1;
    private long downloadEnd = -1;

    ProgressDisplay(PrintWriter out, Terminal terminal, boolean quiet, SeedGoal goal, long startNanos) {
        this.out = out;
        this.terminal = terminal;
        this.quiet = quiet;
        this.goal = goal;
        this.startNanos = startNanos;
    }

    /** Notes the snapshot, and shows it when a line is due. */
    synchronized void show(TorrentStatus status, long nowNanos) {
        track(status.state(), nowNanos);
        if (closed || quiet) {
            return;
        }
        Duration interval = terminal.interactive() ? TERMINAL_INTERVAL : LOG_INTERVAL;
        boolean due = lastState == null || status.state() != lastState || nowNanos - lastShown >= interval.toNanos();
        lastState = status.state();
        if (!due) {
            return;
        }
        lastShown = nowNanos;
        if (terminal.interactive()) {
            String line = clip(StatusLine.of(status, goal, terminal.unicode()), terminal.columns() - 1);
            // Spaces over what the last line had beyond this one: no escape codes needed.
            out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
            out.flush();
            drawn = true;
            drawnLength = line.length();
        } else {
            out.println(StatusLine.of(status, goal, false));
        }
    }

    /** Ends the redrawn line, so what follows starts on a line of its own; shows nothing more. */
    synchronized void close() {
        if (drawn) {
            out.println();
            drawn = false;
        }
        closed = true;
    }

    /** Closes, then prints the summary of the whole run. */
    synchronized void summary(TorrentStatus last, long nowNanos) {
        track(last.state(), nowNanos);
        close();
        if (!quiet) {
            Duration downloading = downloadStart < 0 ? Duration.ZERO
                    : Duration.ofNanos((downloadEnd < 0 ? nowNanos : downloadEnd) - downloadStart);
            out.println(StatusLine.summary(last, Duration.ofNanos(nowNanos - startNanos), downloading));
        }
    }

    /** The download runs from the first snapshot past checking to the first complete one. */
    private void track(TorrentState state, long nowNanos) {
        if (downloadStart < 0 && state == TorrentState.DOWNLOADING) {
            downloadStart = nowNanos;
        }
        if (downloadStart >= 0 && downloadEnd < 0 && (state == TorrentState.SEEDING || state == TorrentState.FINISHED)) {
            downloadEnd = nowNanos;
        }
    }

    private static String clip(String line, int width) {
        return line.length() <= width ? line : line.substring(0, Math.max(0, width - 3)) + "...";
    }
}
