package dev.shoal.engine.internal;

import dev.shoal.engine.api.EngineTotals;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import java.util.stream.Stream;

/** Sums over torrents' statuses: every torrent counts, only those downloading or seeding are active. */
final class Totals {

    private Totals() {
    }

    static EngineTotals of(Stream<TorrentStatus> statuses) {
        int count = 0;
        int active = 0;
        long downloaded = 0;
        long uploaded = 0;
        long downloadRate = 0;
        long uploadRate = 0;
        int peers = 0;
        for (TorrentStatus status : (Iterable<TorrentStatus>) statuses::iterator) {
            count++;
            if (status.state() == TorrentState.DOWNLOADING || status.state() == TorrentState.SEEDING) {
                active++;
            }
            downloaded += status.downloaded();
            uploaded += status.uploaded();
            downloadRate += status.downloadRate();
            uploadRate += status.uploadRate();
            peers += status.peers();
        }
        return new EngineTotals(count, active, downloaded, uploaded, downloadRate, uploadRate, peers);
    }
}
