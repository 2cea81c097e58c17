package dev.shoal.ui.swt.internal.model;

import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the engine's torrents into what one poll hands on: the rows (stale rates zeroed by
 * {@link RateDecay}), the handles by id, what the sidebar groups each torrent by ({@link RowFacts}),
 * and the rates of all rows together. The poller's thread only: it remembers counters and hosts
 * from poll to poll.
 */
final class RowReader {

    /** One poll's reading; immutable maps and list. */
    record Read(List<TorrentRow> rows, Map<Integer, Torrent> handles, Map<Integer, RowFacts> facts, long downRate,
            long upRate) {
    }

    private final RowFacts.Hosts hosts = new RowFacts.Hosts();
    private final RateDecay decay = new RateDecay();

    Read read(List<Torrent> torrents, long nowMillis) {
        List<TorrentRow> rows = new ArrayList<>(torrents.size());
        Map<Integer, Torrent> handles = new HashMap<>(torrents.size() * 2);
        Map<Integer, RowFacts> facts = new HashMap<>(torrents.size() * 2);
        long down = 0;
        long up = 0;
        for (Torrent torrent : torrents) {
            TorrentStatus status = torrent.status();
            TorrentRow row = decay.apply(TorrentRow.of(torrent, status), status.downloaded(), status.uploaded(),
                    nowMillis);
            down += row.downRate();
            up += row.upRate();
            rows.add(row);
            handles.put(torrent.id(), torrent);
            facts.put(torrent.id(), RowFacts.of(status.trackers(), torrent.labels(), hosts));
        }
        decay.endPoll();
        return new Read(List.copyOf(rows), Map.copyOf(handles), Map.copyOf(facts), down, up);
    }
}
