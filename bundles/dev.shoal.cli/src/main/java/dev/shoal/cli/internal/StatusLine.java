package dev.shoal.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.support.text.Rates;
import dev.shoal.support.text.Shares;
import dev.shoal.support.text.Sizes;
import dev.shoal.support.text.Spans;

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
                    Shares.percent(s.pieces() == 0 ? 1.0 : (double) s.checkedPieces() / s.pieces()),
                    s.checkedPieces(), s.pieces());
            case DOWNLOADING -> String.join(GAP,
                    "[" + percent(s.progress()) + "] " + Sizes.of(s.verifiedBytes()) + "/" + Sizes.of(s.size()),
                    down + Rates.of(s.downloadRate()) + " " + up + Rates.of(s.uploadRate()), eta(s),
                    peers(s), "sent " + Sizes.of(s.uploaded()), "ratio " + Shares.ratio(s.ratio()));
            case SEEDING -> String.join(GAP, "seeding, " + goalProgress(s, goal), up + Rates.of(s.uploadRate()), eta(s),
                    peers(s), "sent " + Sizes.of(s.uploaded()));
            case FINISHED -> "finished, ratio " + Shares.ratio(s.ratio());
            case QUEUED -> "queued, waiting for a slot";
            case PAUSED -> "paused";
            case ERROR -> "error: " + s.error().orElse("unknown");
            case METADATA -> metadata(s);
        };
    }

    /** {@code fetching metadata 12.0 KiB/48.0 KiB  peers 2}: the size is unknown until a peer tells it. */
    private static String metadata(TorrentStatus s) {
        String received = s.metadata().map(m -> m.size() < 0 ? Sizes.of(m.bytesReceived())
                : Sizes.of(m.bytesReceived()) + "/" + Sizes.of(m.size())).orElse("");
        return String.join(GAP, ("fetching metadata " + received).strip(), peers(s));
    }

    /**
     * The last line, e.g. {@code done: downloaded 281 MiB in 1m52s (2.51 MiB/s), uploaded 290 MiB
     * (ratio 1.03), 3m10s in all}. {@code downloading} is the time from the end of checking to
     * completion; the average rate is over that time.
     */
    static String summary(TorrentStatus s, Duration elapsed, Duration downloading) {
        List<String> parts = new ArrayList<>();
        if (s.downloaded() > 0 && downloading.toMillis() > 0) {
            parts.add("downloaded " + Sizes.of(s.downloaded()) + " in " + Spans.of(downloading) + " ("
                    + Rates.of((long) (s.downloaded() * 1000.0 / downloading.toMillis())) + ")");
        } else {
            parts.add("downloaded " + Sizes.of(s.downloaded()));
        }
        parts.add("uploaded " + Sizes.of(s.uploaded()) + " (ratio " + Shares.ratio(s.ratio()) + ")");
        parts.add(Spans.of(elapsed) + " in all");
        return "done: " + String.join(", ", parts);
    }

    /** Padded to the width of "100.0%", so the rest of a redrawn line holds still. */
    private static String percent(double share) {
        return String.format(Locale.ROOT, "%6s", Shares.percent(share));
    }

    private static String peers(TorrentStatus s) {
        return "peers " + s.peers() + " (" + s.seeds() + (s.seeds() == 1 ? " seed)" : " seeds)");
    }

    private static String eta(TorrentStatus s) {
        return "ETA " + s.eta().map(Spans::of).orElse("--");
    }

    /** {@code ratio 0.52/1.00}, {@code ratio 0.52/1.00, 12m/30m}, or {@code 12m/30m, ratio 0.52}. */
    private static String goalProgress(TorrentStatus s, SeedGoal goal) {
        String time = goal.time().map(t -> Spans.of(s.seedingTime()) + "/" + Spans.of(t)).orElse(null);
        if (goal.ratio().isPresent()) {
            String ratio = "ratio " + Shares.ratio(s.ratio()) + "/" + Shares.ratio(goal.ratio().getAsDouble());
            return time == null ? ratio : ratio + ", " + time;
        }
        return time == null ? "ratio " + Shares.ratio(s.ratio()) : time + ", ratio " + Shares.ratio(s.ratio());
    }
}
