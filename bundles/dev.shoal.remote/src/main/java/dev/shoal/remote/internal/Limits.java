package dev.shoal.remote.internal;

import java.time.Duration;

import dev.shoal.remote.protocol.Frames;

/**
 * What one Shoal's remote shell allows.
 *
 * @param sessions     connections served at once; one more is refused
 * @param lineBytes    the longest command line; at most {@link Frames#MAX_PAYLOAD}
 * @param helloTimeout how long a new connection has to show its token
 * @param idleTimeout  how long a session may wait for its next command
 */
record Limits(int sessions, int lineBytes, Duration helloTimeout, Duration idleTimeout) {

    static final Limits DEFAULT = new Limits(16, Frames.MAX_PAYLOAD, Duration.ofSeconds(10), Duration.ofHours(1));

    Limits {
        if (sessions < 1 || lineBytes < 1 || lineBytes > Frames.MAX_PAYLOAD || helloTimeout.isNegative()
                || helloTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("bad limits " + sessions + ", " + lineBytes + ", " + helloTimeout
                    + ", " + idleTimeout);
        }
    }
}
