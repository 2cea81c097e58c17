package dev.shoal.ui.swt.internal.model;

import dev.shoal.engine.api.TorrentState;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sidebar's states. A magnet link fetching its metadata is downloading. Queued and checking
 * torrents count as downloading while incomplete and as seeding when complete: that is what they are
 * waiting to do. Active and inactive go by the rates the table shows (stale rates already zeroed by
 * {@link RateDecay}), so a torrent whose peers left is inactive within seconds.
 */
public enum StateFilter {
    ALL("All"), DOWNLOADING("Downloading"), SEEDING("Seeding"), COMPLETED("Completed"), PAUSED("Paused"),
    ACTIVE("Active"), INACTIVE("Inactive"), ERROR("Error");

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
            case COMPLETED -> state != TorrentState.METADATA && row.progress() >= 1;
            case PAUSED -> state == TorrentState.PAUSED;
            case ACTIVE -> row.downRate() > 0 || row.upRate() > 0;
            case INACTIVE -> row.downRate() == 0 && row.upRate() == 0;
            case ERROR -> state == TorrentState.ERROR;
        };
    }

    /** The filter named {@code name} (any case), for the {@code ui:filter} command. */
    public static StateFilter parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no filter '" + name + "': " + names(", "));
        }
    }

    /** Every filter's name in lower case, as {@link #parse} takes them, joined by {@code separator}. */
    public static String names(String separator) {
        return Arrays.stream(values()).map(filter -> filter.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(separator));
    }
}
