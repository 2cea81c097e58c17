package dev.shoal.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentStatus;

/** The words of {@code shoal get}'s progress and summary lines, from a status snapshot. */
final class StatusLine {

    private static final String GAP = "  ";

    private StatusLine() {
    }

    /**
     * One line for where the torrent is, e.g.
     * {@code [ 42.1%] 118 MiB/281 MiB  ↓ 25.10 MiB/s ↑ 1.20 MiB/s  ETA 6s  peers 3 (1 seed)  sent 10.00 MiB  ratio 0.04}.
     * Facts come in order of importance, so a line cut to the screen's width loses the least.
     * Without {@code unicode} the arrows are the words "down" and "up".
     */
    static String of(TorrentStatus s, SeedGoal goal, boolean unicode) {
        String down = unicode ? "\u2193 " : "down ";
        String up = unicode ? "\u2191 " : "up ";
        return switch (s.state()) {
            case CHECKING -> String.format(Locale.ROOT, "checking %s (%d/%d pieces)",
                    percent(s.pieces() == 0 ? 1.0 : (double) s.checkedPieces() / s.pieces()).trim(),
                    s.checkedPieces(), s.pieces());
            case DOWNLOADING -> String.join(GAP,
                    "[" + percent(s.progress()) + "] " + Sizes.human(s.verifiedBytes()) + "/" + Sizes.human(s.size()),
                    down + rate(s.downloadRate()) + " " + up + rate(s.uploadRate()), eta(s),
                    peers(s), "sent " + Sizes.human(s.uploaded()), "ratio " + ratio(s.ratio()));
            case SEEDING -> String.join(GAP, "seeding, " + goalProgress(s, goal), up + rate(s.uploadRate()), eta(s),
                    peers(s), "sent " + Sizes.human(s.uploaded()));
            case FINISHED -> "finished, ratio " + ratio(s.ratio());
            case QUEUED -> "queued, waiting for a slot";
            case PAUSED -> "paused";
            case ERROR -> "error: " + s.error().orElse("unknown");
        };
    }

    /**
     * The last line, e.g. {@code done: downloaded 281 MiB in 1m52s (2.51 MiB/s), uploaded 290 MiB
     * (ratio 1.03), 3m10s in all}. {@code downloading} is the time from the end of checking to
     * completion; the average rate is over that time.
     */
    static String summary(TorrentStatus s, Duration elapsed, Duration downloading) {
        List<String> parts = new ArrayList<>();
        if (s.downloaded() > 0 && downloading.toMillis() > 0) {
            parts.add("downloaded " + Sizes.human(s.downloaded()) + " in " + Durations.human(downloading) + " ("
                    + rate((long) (s.downloaded() * 1000.0 / downloading.toMillis())) + ")");
        } else {
            parts.add("downloaded " + Sizes.human(s.downloaded()));
        }
        parts.add("uploaded " + Sizes.human(s.uploaded()) + " (ratio " + ratio(s.ratio()) + ")");
        parts.add(Durations.human(elapsed) + " in all");
        return "done: " + String.join(", ", parts);
    }

    /** Tenths of a percent rounded down, so 100.0% only shows when all is there. */
    private static String percent(double share) {
        double tenths = Math.floor(Math.min(1.0, Math.max(0.0, share)) * 1000) / 10;
        return String.format(Locale.ROOT, "%5.1f%%", tenths);
    }

    private static String rate(long bytesPerSecond) {
        return Sizes.human(bytesPerSecond) + "/s";
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String peers(TorrentStatus s) {
        return "peers " + s.peers() + " (" + s.seeds() + (s.seeds() == 1 ? " seed)" : " seeds)");
    }

    private static String eta(TorrentStatus s) {
        return "ETA " + s.eta().map(Durations::human).orElse("--");
    }

    /** {@code ratio 0.52/1.00}, {@code ratio 0.52/1.00, 12m/30m}, or {@code 12m/30m, ratio 0.52}. */
    private static String goalProgress(TorrentStatus s, SeedGoal goal) {
        String time = goal.time().map(t -> Durations.human(s.seedingTime()) + "/" + Durations.human(t)).orElse(null);
        if (goal.ratio().isPresent()) {
            String ratio = "ratio " + ratio(s.ratio()) + "/" + ratio(goal.ratio().getAsDouble());
            return time == null ? ratio : ratio + ", " + time;
        }
        return time == null ? "ratio " + ratio(s.ratio()) : time + ", ratio " + ratio(s.ratio());
    }
}
