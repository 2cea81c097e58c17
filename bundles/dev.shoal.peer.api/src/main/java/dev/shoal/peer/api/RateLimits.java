package dev.shoal.peer.api;

/**
 * Transfer rate limits of payload bytes (block data).
 *
 * @param downloadBytesPerSecond 0 for no limit
 * @param uploadBytesPerSecond   0 for no limit
 */
public record RateLimits(long downloadBytesPerSecond, long uploadBytesPerSecond) {

    public static final RateLimits UNLIMITED = new RateLimits(0, 0);

    public RateLimits {
        if (downloadBytesPerSecond < 0 || uploadBytesPerSecond < 0) {
            throw new IllegalArgumentException("rate limits must not be negative");
        }
    }
}
