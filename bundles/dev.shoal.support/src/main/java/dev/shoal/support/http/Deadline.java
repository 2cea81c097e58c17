package dev.shoal.support.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A point in time a piece of work must be done by, on the monotonic clock (a wall-clock change
 * must not stretch or cut it). One deadline spans every request of a piece of work (a search's
 * capabilities request and its results, a torrent's redirects and body), so a slow first request
 * leaves less time for the next, not a fresh allowance.
 */
public final class Deadline {

    private final Duration timeout;
    private final long endNanos;

    private Deadline(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.endNanos = System.nanoTime() + timeout.toNanos();
    }

    /** From now, {@code timeout} long. */
    public static Deadline in(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a timeout must be positive, not " + timeout);
        }
        return new Deadline(timeout);
    }

    /** The whole allowance, for messages ("within 10 s"). */
    public Duration timeout() {
        return timeout;
    }

    public long remainingNanos() {
        return endNanos - System.nanoTime();
    }

    public boolean expired() {
        return remainingNanos() <= 0;
    }

    /** "10 s", "1.5 s", "250 ms": how the allowance reads in a message. */
    public String describe() {
        long millis = timeout.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        return millis % 1_000 == 0 ? millis / 1_000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1_000.0);
    }
}
