package dev.shoal.engine.internal;

/**
 * Hands one torrent's record to the store when it changed since the last time, so that unchanged
 * torrents are not written again. Engine thread only.
 */
final class RecordKeeper {

    private final SessionWriter writer;
    /** What was last handed to the store. */
    private TorrentRecord saved;

    RecordKeeper(SessionWriter writer) {
        this.writer = writer;
    }

    void keep(TorrentRecord now) {
        if (!now.equals(saved)) {
            saved = now;
            writer.save(now);
        }
    }
}
