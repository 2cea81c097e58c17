package dev.shoal.ui.swt.internal.model;

import dev.shoal.engine.api.MetadataStatus;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentDates;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the torrents table: plain values taken from a {@link TorrentStatus} off the display
 * thread, so sorting, filtering and drawing never reach back into the engine.
 *
 * @param etaSeconds  seconds to complete (or to the seed goal), -1 when unknown
 * @param error       why it failed, "" when it did not
 * @param labels      its labels, joined by ", "
 * @param addedMillis when it was added (epoch millis)
 * @param doneMillis  when it first completed (epoch millis), 0 if it has not
 */
public record TorrentRow(int id, String name, long size, double progress, TorrentState state, long downRate,
        long upRate, long etaSeconds, int seeds, int peers, long uploaded, double ratio, String error, String labels,
        long addedMillis, long doneMillis) {

    public TorrentRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(labels, "labels");
    }

    /** A row without labels or dates. */
    public TorrentRow(int id, String name, long size, double progress, TorrentState state, long downRate,
            long upRate, long etaSeconds, int seeds, int peers, long uploaded, double ratio, String error) {
        this(id, name, size, progress, state, downRate, upRate, etaSeconds, seeds, peers, uploaded, ratio, error, "",
                0, 0);
    }

    /** A torrent's row: its status, labels and dates. */
    public static TorrentRow of(Torrent torrent) {
        return of(torrent, torrent.status());
    }

    /** A torrent's row from its {@code status} read just before. */
    public static TorrentRow of(Torrent torrent, TorrentStatus status) {
        TorrentRow row = of(torrent.id(), status);
        TorrentDates dates = torrent.dates();
        return new TorrentRow(row.id(), row.name(), row.size(), row.progress(), row.state(), row.downRate(),
                row.upRate(), row.etaSeconds(), row.seeds(), row.peers(), row.uploaded(), row.ratio(), row.error(),
                String.join(", ", torrent.labels()), dates.added().toEpochMilli(),
                dates.done().map(Instant::toEpochMilli).orElse(0L));
    }

    /** This row with other rates and ETA (a stale rate shown as 0). */
    public TorrentRow withRates(long down, long up, long eta) {
        return new TorrentRow(id, name, size, progress, state, down, up, eta, seeds, peers, uploaded, ratio, error,
                labels, addedMillis, doneMillis);
    }

    /** While a magnet link's metadata is fetched, its progress is that of the metadata (0 until its size is told). */
    public static TorrentRow of(int id, TorrentStatus status) {
        double progress = status.metadata().map(MetadataStatus::progress).orElse(status.progress());
        return new TorrentRow(id, status.name(), status.size(), progress, status.state(),
                status.downloadRate(), status.uploadRate(), status.eta().map(d -> d.getSeconds()).orElse(-1L),
                status.seeds(), status.peers(), status.uploaded(), status.ratio(), status.error().orElse(""));
    }
}
