package dev.shoal.tracker.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One tracker of a session, for a UI.
 *
 * @param url          the tracker URL as given
 * @param tier         its BEP 12 tier, from 0
 * @param state        the last result
 * @param lastAnnounce when it last answered successfully
 * @param nextAnnounce when it is due next (for the tracker in use: the next regular announce; for a
 *                     failing one: the end of its backoff)
 * @param seeders      from its last answer, if it reported them
 * @param leechers     from its last answer, if it reported them
 * @param lastError    the last failure's message, cleared by a success
 * @param warning      its last {@code warning message}
 * @param failures     failures in a row
 */
public record TrackerStatus(String url, int tier, TrackerState state, Optional<Instant> lastAnnounce,
        Optional<Instant> nextAnnounce, OptionalInt seeders, OptionalInt leechers, Optional<String> lastError,
        Optional<String> warning, int failures) {

    public TrackerStatus {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastAnnounce, "lastAnnounce");
        Objects.requireNonNull(nextAnnounce, "nextAnnounce");
        Objects.requireNonNull(seeders, "seeders");
        Objects.requireNonNull(leechers, "leechers");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(warning, "warning");
        if (tier < 0 || failures < 0) {
            throw new IllegalArgumentException("tier and failures must not be negative");
        }
    }
}
