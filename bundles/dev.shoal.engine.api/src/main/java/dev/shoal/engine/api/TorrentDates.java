package dev.shoal.engine.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When things happened to a torrent; kept across restarts.
 *
 * @param added       when it was added
 * @param done        when its wanted data was first complete here; empty while it never was
 * @param active      when it last sent or received payload; empty while it never did
 * @param downloading time spent downloading (running and incomplete)
 * @param seeding     time spent seeding
 * @since 2.2
 */
public record TorrentDates(Instant added, Optional<Instant> done, Optional<Instant> active, Duration downloading,
        Duration seeding) {

    public TorrentDates {
        Objects.requireNonNull(added, "added");
        Objects.requireNonNull(done, "done");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(downloading, "downloading");
        Objects.requireNonNull(seeding, "seeding");
    }

    /** The latest of when it was added, completed and last active. */
    public Instant latest() {
        Instant latest = added;
        if (done.isPresent() && done.get().isAfter(latest)) {
            latest = done.get();
        }
        return active.isPresent() && active.get().isAfter(latest) ? active.get() : latest;
    }
}
