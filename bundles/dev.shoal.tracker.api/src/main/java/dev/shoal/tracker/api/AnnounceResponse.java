package dev.shoal.tracker.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A tracker's answer to an announce.
 *
 * @param interval    how long to wait before the next regular announce (positive)
 * @param minInterval the tracker's floor for re-announces, if it sent one
 * @param trackerId   an id to send back in later announces, if it sent one
 * @param seeders     peers with the whole torrent ({@code complete}), if reported
 * @param leechers    peers still downloading ({@code incomplete}), if reported
 * @param peers       the peers handed out, IPv4 and IPv6 together, in the tracker's order
 * @param warning     the tracker's {@code warning message}, if any
 */
public record AnnounceResponse(Duration interval, Optional<Duration> minInterval, Optional<String> trackerId,
        OptionalInt seeders, OptionalInt leechers, List<TrackerPeer> peers, Optional<String> warning) {

    public AnnounceResponse {
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(trackerId, "trackerId");
        Objects.requireNonNull(seeders, "seeders");
        Objects.requireNonNull(leechers, "leechers");
        Objects.requireNonNull(warning, "warning");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        if (minInterval.isPresent() && minInterval.get().isNegative()) {
            throw new IllegalArgumentException("min interval must not be negative: " + minInterval.get());
        }
        if (seeders.orElse(0) < 0 || leechers.orElse(0) < 0) {
            throw new IllegalArgumentException("seeders and leechers must not be negative");
        }
        peers = List.copyOf(peers);
    }
}
