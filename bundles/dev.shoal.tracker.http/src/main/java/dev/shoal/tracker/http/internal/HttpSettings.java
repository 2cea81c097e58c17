package dev.shoal.tracker.http.internal;

import java.time.Duration;

/**
 * The HTTP client's settings, as a value, so it can be built without OSGi.
 *
 * @param connectTimeout   for opening a connection
 * @param requestTimeout   for the whole exchange
 * @param maxResponseBytes answers larger than this are rejected
 * @param userAgent        the User-Agent header
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxResponseBytes, String userAgent) {

    public static final int DEFAULT_MAX_RESPONSE_BYTES = 2 << 20;

    public static final HttpSettings DEFAULTS = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30),
            DEFAULT_MAX_RESPONSE_BYTES, "Shoal/0.1");

    public HttpSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
    }

    static HttpSettings from(HttpTrackerClient.Config config) {
        return new HttpSettings(Duration.ofMillis(config.connectTimeoutMillis()),
                Duration.ofMillis(config.requestTimeoutMillis()), config.maxResponseBytes(), config.userAgent());
    }
}
