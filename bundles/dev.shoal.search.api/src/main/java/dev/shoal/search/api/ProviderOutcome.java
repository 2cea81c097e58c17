package dev.shoal.search.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How one provider's part of a search went, shown beside the results.
 *
 * @param providerId what {@link SearchProvider#id()} said
 * @param name       what {@link SearchProvider#name()} said
 * @param status     where it stands
 * @param results    how many results it delivered that were kept
 * @param message    why it failed, what it dropped ("12 malformed results dropped"), or {@code null}
 * @param elapsed    how long it has taken so far
 */
public record ProviderOutcome(String providerId, String name, Status status, int results, String message,
        Duration elapsed) {

    public enum Status {
        /** Still searching. */
        RUNNING,
        /** Returned normally. */
        DONE,
        /** Threw; {@link #message()} says why. */
        FAILED,
        /** Took longer than the timeout and was abandoned. */
        TIMED_OUT,
        /** The search was cancelled before it returned. */
        CANCELLED;

        public boolean finished() {
            return this != RUNNING;
        }
    }

    public ProviderOutcome {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
