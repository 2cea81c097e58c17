package dev.shoal.engine.api;

/** Where a torrent is in its life. */
public enum TorrentState {
    /** Its files are being hashed against the torrent (at start without resume data, or on request). */
    CHECKING,
    /** Missing pieces are being fetched. */
    DOWNLOADING,
    /** Complete, uploading until the seed goal. */
    SEEDING,
    /** Complete and the seed goal reached: stopped. */
    FINISHED,
    /**
     * Waiting for a slot: more torrents want to download (or seed) than the engine lets run at once.
     * It starts by itself, in queue order, when one frees.
     */
    QUEUED,
    /** Stopped by the user. */
    PAUSED,
    /** Stopped by a failure; {@link TorrentStatus#error()} says which. */
    ERROR,
    /**
     * Added from a magnet link: its info dictionary is fetched from peers (BEP 9); then it is checked
     * and downloads as any torrent. {@link TorrentStatus#metadata()} says how far the fetch came.
     *
     * @since 2.0
     */
    METADATA
}
