package dev.shoal.tracker.internal.session;

import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.TrackerState;
import dev.shoal.tracker.api.TrackerStatus;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** What a session knows about one of its trackers. Touched only on the scheduler thread. */
final class TrackerEntry {

    final String url;
    final int tier;
    /** Empty when the URL cannot be parsed: such a tracker fails every attempt with that reason. */
    final Optional<URI> uri;

    TrackerState state = TrackerState.NOT_CONTACTED;
    boolean heardStarted;
    int failures;
    Optional<Instant> lastAnnounce = Optional.empty();
    Optional<Instant> nextAnnounce = Optional.empty();
    /** Before this instant the tracker is skipped: it failed and is backing off. */
    Instant retryAt = Instant.MIN;
    OptionalInt seeders = OptionalInt.empty();
    OptionalInt leechers = OptionalInt.empty();
    Optional<String> lastError = Optional.empty();
    Optional<String> warning = Optional.empty();
    Optional<String> trackerId = Optional.empty();

    TrackerEntry(String url, int tier) {
        this.url = url;
        this.tier = tier;
        this.uri = parse(url);
    }

    private static Optional<URI> parse(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() == null ? Optional.empty() : Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    Optional<String> scheme() {
        return uri.map(u -> u.getScheme().toLowerCase(Locale.ROOT));
    }

    boolean backingOff(Instant now) {
        return now.isBefore(retryAt);
    }

    void succeeded(AnnounceResponse response, Instant now, Instant next) {
        state = TrackerState.WORKING;
        failures = 0;
        retryAt = Instant.MIN;
        lastAnnounce = Optional.of(now);
        nextAnnounce = Optional.of(next);
        seeders = response.seeders();
        leechers = response.leechers();
        lastError = Optional.empty();
        warning = response.warning();
        if (response.trackerId().isPresent()) {
            trackerId = response.trackerId(); // BEP 3: keep the last one the tracker gave
        }
    }

    void failed(String reason, Instant retry) {
        state = TrackerState.FAILING;
        failures++;
        retryAt = retry;
        nextAnnounce = Optional.of(retry);
        lastError = Optional.of(reason);
    }

    /**
     * Skipped while its host backs off ({@code reason}, until {@code until}), without a failure of
     * its own; true when what is shown changed.
     */
    boolean waitingFor(String reason, Instant until) {
        Optional<String> error = Optional.of(reason);
        if (state == TrackerState.FAILING && error.equals(lastError) && nextAnnounce.equals(Optional.of(until))) {
            return false;
        }
        state = TrackerState.FAILING;
        lastError = error;
        nextAnnounce = Optional.of(until);
        return true;
    }

    TrackerStatus status() {
        return new TrackerStatus(url, tier, state, lastAnnounce, nextAnnounce, seeders, leechers, lastError, warning,
                failures);
    }
}
