package dev.shoal.tracker.internal.session;

import java.time.Duration;

/**
 * How a session paces its announces.
 *
 * @param minInterval    the shortest regular interval we accept, whatever a tracker says (and the
 *                       gap between announces when a tracker names no {@code min interval})
 * @param retryBase      the first retry delay after a tracker failed
 * @param retryMax       the longest retry delay
 * @param jitter         how much of a retry delay is randomly taken off, 0..1, so that many
 *                       clients of a tracker that came back do not return all at once
 * @param attemptTimeout how long one tracker may take before the next one is tried
 * @param stopTimeout    how long {@code stopped} announces may take on close
 * @param numWant        peers asked for per announce
 */
public record Timing(Duration minInterval, Duration retryBase, Duration retryMax, double jitter,
        Duration attemptTimeout, Duration stopTimeout, int numWant) {

    public static final Timing DEFAULTS = new Timing(Duration.ofSeconds(30), Duration.ofSeconds(15),
            Duration.ofMinutes(30), 0.25, Duration.ofSeconds(60), Duration.ofSeconds(5), 50);

    public Timing {
        requirePositive(minInterval, "minInterval");
        requirePositive(retryBase, "retryBase");
        requirePositive(attemptTimeout, "attemptTimeout");
        requirePositive(stopTimeout, "stopTimeout");
        if (retryMax.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("retryMax must not be below retryBase");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be 0..1: " + jitter);
        }
        if (numWant < -1) {
            throw new IllegalArgumentException("numWant must be -1 or more");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
