package dev.shoal.engine.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a seeding torrent stops for want of uploading: after {@code limit} without sending a byte. It
 * stops as at its {@link SeedGoal}, to {@link TorrentState#FINISHED}.
 *
 * @param mode  whose limit applies
 * @param limit the torrent's own limit, used in {@link Mode#OWN}; positive
 * @since 2.2
 */
public record IdleLimit(Mode mode, Duration limit) {

    /** Whose limit applies. */
    public enum Mode {
        /** The engine's configured default (which may be none). */
        GLOBAL,
        /** The torrent's own {@link IdleLimit#limit()}. */
        OWN,
        /** None: it seeds however long it idles. */
        NONE
    }

    /** The engine's default. */
    public static final IdleLimit GLOBAL = new IdleLimit(Mode.GLOBAL, Duration.ofMinutes(30));
    /** No idle limit. */
    public static final IdleLimit NONE = new IdleLimit(Mode.NONE, Duration.ofMinutes(30));

    public IdleLimit {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("an idle limit must be positive: " + limit);
        }
    }

    /** Its own limit. */
    public static IdleLimit of(Duration limit) {
        return new IdleLimit(Mode.OWN, limit);
    }

    /** The limit in force, given the engine's default. */
    public Optional<Duration> effective(Optional<Duration> global) {
        return switch (mode) {
            case GLOBAL -> global;
            case OWN -> Optional.of(limit);
            case NONE -> Optional.empty();
        };
    }
}
