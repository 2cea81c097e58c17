package dev.shoal.shell.internal.view;

import dev.shoal.engine.api.IdleLimit;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.shell.internal.text.Cells;
import dev.shoal.shell.internal.text.Details;
import dev.shoal.shell.internal.text.Table;
import dev.shoal.shell.internal.text.Table.Column;
import dev.shoal.support.text.Shares;
import dev.shoal.support.text.Sizes;
import dev.shoal.support.text.Spans;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Torrents as rows of {@code shoal:list} and as the fields of {@code shoal:info}. */
public final class TorrentViews {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TorrentViews() {
    }

    public static Table.Builder listTable() {
        return Table.of(Column.right("ID"), Column.left("NAME", 48), Column.right("SIZE"), Column.right("DONE"),
                Column.left("STATE"), Column.right("DOWN"), Column.right("UP"), Column.right("PEERS"),
                Column.right("SEEDS"), Column.right("UPLOADED"), Column.right("RATIO"), Column.right("ETA"));
    }

    public static void addRow(Table.Builder table, int id, TorrentStatus s) {
        table.row(id, s.name(), Sizes.of(s.size()), Shares.percent(s.progress()), state(s),
                Cells.rate(s.downloadRate()), Cells.rate(s.uploadRate()), s.peers(), s.seeds(),
                Sizes.of(s.uploaded()), Shares.ratio(s.ratio()), Cells.eta(s.eta(), moving(s.state())));
    }

    /** The state in lower case; a check, or a magnet's metadata once its size is known, with how far it got. */
    public static String state(TorrentStatus s) {
        String name = s.state().name().toLowerCase(Locale.ROOT);
        if (s.state() == TorrentState.CHECKING && s.pieces() > 0) {
            return name + " " + Shares.percent((double) s.checkedPieces() / s.pieces());
        }
        if (s.state() == TorrentState.METADATA && s.metadata().filter(m -> m.size() > 0).isPresent()) {
            return name + " " + Shares.percent(s.metadata().get().progress());
        }
        return name;
    }

    private static boolean moving(TorrentState state) {
        return state == TorrentState.DOWNLOADING || state == TorrentState.SEEDING;
    }

    /**
     * Everything {@code shoal:info} shows of one torrent.
     *
     * @param id            its short id
     * @param s             its status
     * @param pieceLength   bytes per piece
     * @param queuePosition its place in the queue
     * @param directory     where its files are
     * @param goal          its seed goal
     * @param limits        its own rate limits
     */
    public static Details info(int id, String infoHash, TorrentStatus s, int pieceLength, int queuePosition,
            String directory, SeedGoal goal, RateLimits limits) {
        Details d = Details.of()
                .with("Id", id)
                .with("Name", s.name())
                .with("Info hash", infoHash)
                .with("State", state(s) + s.error().map(e -> ": " + e).orElse(""))
                .with("Queue", "#" + queuePosition)
                .with("Directory", directory)
                .with("Size", Sizes.of(s.size()) + " in " + s.pieces() + " pieces of " + Sizes.of(pieceLength))
                .with("Done", Shares.percent(s.progress()) + " (" + s.verifiedPieces() + "/" + s.pieces() + " pieces, "
                        + Sizes.of(s.verifiedBytes()) + ")")
                .with("Downloaded", Sizes.of(s.downloaded()) + (s.wasted() > 0
                        ? " (" + Sizes.of(s.wasted()) + " wasted)" : ""))
                .with("Uploaded", Sizes.of(s.uploaded()) + " (ratio " + Shares.ratio(s.ratio()) + ")")
                .with("Rates", "down " + Cells.rate(s.downloadRate()) + ", up " + Cells.rate(s.uploadRate()))
                .with("Peers", s.peers() + " (" + s.seeds() + " seeds)")
                .with("ETA", Cells.eta(s.eta(), moving(s.state())))
                .with("Seeding time", Spans.of(s.seedingTime()))
                .with("Seed goal", goal(goal))
                .with("Limits", limits(limits));
        Details shown = s.metadata().map(m -> d.with("Metadata", Sizes.of(m.bytesReceived()) + " of "
                + (m.size() < 0 ? "an unknown size" : Sizes.of(m.size())) + ", " + m.peersOffering()
                + " peers offering it")).orElse(d);
        return shown.with("Trackers", s.trackers().size() + " (shoal:trackers " + id + ")");
    }

    /** {@code 2024-05-01 14:03:22} in this machine's zone, or {@code never}. */
    public static String date(Optional<Instant> when) {
        return when.map(i -> DATE.format(i.atZone(ZoneId.systemDefault()))).orElse("never");
    }

    /** {@code after 30m without uploading}, {@code the global one}, {@code none}. */
    public static String idle(IdleLimit limit) {
        return switch (limit.mode()) {
            case GLOBAL -> "the global one (shoal:config dev.shoal.engine seedIdleMinutes)";
            case OWN -> "after " + Spans.of(limit.limit()) + " without uploading";
            case NONE -> "none";
        };
    }

    /** {@code ratio 1.00}, {@code ratio 2.00 or 12h}, {@code 1d}, {@code forever}. */
    public static String goal(SeedGoal goal) {
        String ratio = goal.ratio().isPresent() ? "ratio " + Shares.ratio(goal.ratio().getAsDouble()) : null;
        String time = goal.time().map(Spans::of).orElse(null);
        if (ratio != null && time != null) {
            return ratio + " or " + time + " of seeding";
        }
        if (ratio != null) {
            return ratio;
        }
        return time != null ? time + " of seeding" : "forever";
    }

    /** {@code down 500 KiB/s, up unlimited}. */
    public static String limits(RateLimits limits) {
        return "down " + Cells.limit(limits.downloadBytesPerSecond()) + ", up "
                + Cells.limit(limits.uploadBytesPerSecond());
    }
}
