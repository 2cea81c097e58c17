package dev.shoal.engine.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One tracker of a torrent at one moment.
 *
 * @param url          its announce URL
 * @param working      its last announce was answered
 * @param message      the failure or warning it gave last, if any
 * @param peers        peers it returned last
 * @param tier         its BEP 12 tier, from 0
 * @param nextAnnounce when it is announced to next, while the torrent runs
 * @param seeders      seeders it reported last ({@code complete}, as a scrape gives), if it did
 * @param leechers     leechers it reported last ({@code incomplete}), if it did
 * @param lastAnnounce when it last answered an announce successfully, in this run of the torrent (since 2.4)
 */
public record TrackerInfo(String url, boolean working, Optional<String> message, int peers, int tier,
        Optional<Instant> nextAnnounce, OptionalInt seeders, OptionalInt leechers, Optional<Instant> lastAnnounce) {

    public TrackerInfo {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(nextAnnounce, "nextAnnounce");
        Objects.requireNonNull(seeders, "seeders");
        Objects.requireNonNull(leechers, "leechers");
        Objects.requireNonNull(lastAnnounce, "lastAnnounce");
    }

    /** A tracker's state without when it last answered. */
    public TrackerInfo(String url, boolean working, Optional<String> message, int peers, int tier,
            Optional<Instant> nextAnnounce, OptionalInt seeders, OptionalInt leechers) {
        this(url, working, message, peers, tier, nextAnnounce, seeders, leechers, Optional.empty());
    }

    /** A tracker in tier 0 that is not announced to and reported no counts (a stopped torrent's). */
    public TrackerInfo(String url, boolean working, Optional<String> message, int peers) {
        this(url, working, message, peers, 0, Optional.empty(), OptionalInt.empty(), OptionalInt.empty());
    }
}
