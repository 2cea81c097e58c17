package dev.shoal.ui.swt.internal.model;

import dev.shoal.engine.api.TorrentState;
import java.util.Locale;

/**
 * The filter bar's choices. A magnet link fetching its metadata is downloading. Queued and checking
 * torrents count as downloading while incomplete and as seeding when complete: that is what they are
 * waiting to do.
 */
public enum StateFilter {
    ALL("All"), DOWNLOADING("Downloading"), SEEDING("Seeding"), PAUSED("Paused"), ERROR("Error");

    private final String label;

    StateFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean test(TorrentRow row) {
        TorrentState state = row.state();
        boolean waiting = state == TorrentState.QUEUED || state == TorrentState.CHECKING;
        return switch (this) {
            case ALL -> true;
            case DOWNLOADING -> state == TorrentState.DOWNLOADING || state == TorrentState.METADATA
                    || (waiting && row.progress() < 1);
            case SEEDING -> state == TorrentState.SEEDING || state == TorrentState.FINISHED
                    || (waiting && row.progress() >= 1);
            case PAUSED -> state == TorrentState.PAUSED;
            case ERROR -> state == TorrentState.ERROR;
        };
    }

    /** The filter named {@code name} (any case), for the {@code ui:filter} command. */
    public static StateFilter parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no filter '" + name + "': all, downloading, seeding, paused or error");
        }
    }
}
