package dev.shoal.ui.swt.internal.model;

/**
 * The state icon a row shows in its Name cell. A magnet link fetching its metadata shows as
 * downloading; a finished torrent (complete, seed goal reached) as completed.
 */
public enum RowIcon {
    DOWNLOADING, SEEDING, PAUSED, CHECKING, QUEUED, ERROR, COMPLETED;

    public static RowIcon of(TorrentRow row) {
        return switch (row.state()) {
            case DOWNLOADING, METADATA -> DOWNLOADING;
            case SEEDING -> SEEDING;
            case FINISHED -> COMPLETED;
            case PAUSED -> PAUSED;
            case CHECKING -> CHECKING;
            case QUEUED -> QUEUED;
            case ERROR -> ERROR;
        };
    }
}
