package dev.shoal.shell.internal.view;

import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.shell.internal.text.Details;
import dev.shoal.shell.internal.text.Quantities;
import dev.shoal.shell.internal.text.Spans;
import dev.shoal.shell.internal.text.Table;
import dev.shoal.shell.internal.text.Table.Column;
import java.util.Locale;

/** Torrents as rows of {@code shoal:list} and as the fields of {@code shoal:info}. */
public final class TorrentViews {

    private TorrentViews() {
    }

    public static Table.Builder listTable() {
        return Table.of(Column.right("ID"), Column.left("NAME", 48), Column.right("SIZE"), Column.right("DONE"),
                Column.left("STATE"), Column.right("DOWN"), Column.right("UP"), Column.right("PEERS"),
                Column.right("SEEDS"), Column.right("UPLOADED"), Column.right("RATIO"), Column.right("ETA"));
    }

    public static void addRow(Table.Builder table, int id, TorrentStatus s) {
        table.row(id, s.name(), Quantities.size(s.size()), Quantities.percent(s.progress()), state(s),
                Quantities.rate(s.downloadRate()), Quantities.rate(s.uploadRate()), s.peers(), s.seeds(),
                Quantities.size(s.uploaded()), Quantities.ratio(s.ratio()), Spans.eta(s.eta(), moving(s.state())));
    }

    /** The state in lower case; a check with how far it got. */
    public static String state(TorrentStatus s) {
        String name = s.state().name().toLowerCase(Locale.ROOT);
        if (s.state() == TorrentState.CHECKING && s.pieces() > 0) {
            return name + " " + Quantities.percent((double) s.checkedPieces() / s.pieces());
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
                .with("Size", Quantities.size(s.size()) + " in " + s.pieces() + " pieces of " + Quantities.size(pieceLength))
                .with("Done", Quantities.percent(s.progress()) + " (" + s.verifiedPieces() + "/" + s.pieces() + " pieces, "
                        + Quantities.size(s.verifiedBytes()) + ")")
                .with("Downloaded", Quantities.size(s.downloaded()) + (s.wasted() > 0
                        ? " (" + Quantities.size(s.wasted()) + " wasted)" : ""))
                .with("Uploaded", Quantities.size(s.uploaded()) + " (ratio " + Quantities.ratio(s.ratio()) + ")")
                .with("Rates", "down " + Quantities.rate(s.downloadRate()) + ", up " + Quantities.rate(s.uploadRate()))
                .with("Peers", s.peers() + " (" + s.seeds() + " seeds)")
                .with("ETA", Spans.eta(s.eta(), moving(s.state())))
                .with("Seeding time", Spans.human(s.seedingTime()))
                .with("Seed goal", goal(goal))
                .with("Limits", limits(limits));
        return d.with("Trackers", s.trackers().size() + " (shoal:trackers " + id + ")");
    }

    /** {@code ratio 1.00}, {@code ratio 2.00 or 12h}, {@code 1d}, {@code forever}. */
    public static String goal(SeedGoal goal) {
        String ratio = goal.ratio().isPresent() ? "ratio " + Quantities.ratio(goal.ratio().getAsDouble()) : null;
        String time = goal.time().map(Spans::human).orElse(null);
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
        return "down " + Quantities.limit(limits.downloadBytesPerSecond()) + ", up "
                + Quantities.limit(limits.uploadBytesPerSecond());
    }
}
