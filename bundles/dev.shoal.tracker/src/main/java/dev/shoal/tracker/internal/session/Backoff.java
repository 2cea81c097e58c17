package dev.shoal.tracker.internal.session;

import java.time.Duration;

/** Exponential backoff with jitter for trackers that failed. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * The wait after {@code failures} failures in a row (at least 1): the base doubled per failure up
     * to the maximum, less up to {@code jitter} of it as {@code random} (0..1) says.
     */
    public static Duration delay(Timing timing, int failures, double random) {
        if (failures < 1) {
            throw new IllegalArgumentException("no backoff before a failure");
        }
        Duration max = timing.retryMax();
        int doublings = Math.min(failures - 1, 40); // 2^40 times any base is beyond any sane maximum
        Duration full = timing.retryBase();
        for (int i = 0; i < doublings && full.compareTo(max) < 0; i++) {
            full = full.multipliedBy(2);
        }
        if (full.compareTo(max) > 0) {
            full = max;
        }
        long takenOff = (long) (full.toNanos() * timing.jitter() * random);
        return full.minusNanos(takenOff);
    }
}
