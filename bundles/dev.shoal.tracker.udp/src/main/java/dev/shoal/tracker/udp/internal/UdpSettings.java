package dev.shoal.tracker.udp.internal;

import java.time.Duration;

/**
 * The UDP client's settings, as a value, so it can be built without OSGi.
 *
 * @param retransmitBase     BEP 15's 15 s: the wait before the first retransmission, doubled each time
 * @param maxRetransmissions BEP 15's largest n (8): after n retransmissions the request fails
 * @param connectionLifetime how long a connection id is reused (BEP 15: one minute)
 */
public record UdpSettings(Duration retransmitBase, int maxRetransmissions, Duration connectionLifetime) {

    public static final UdpSettings BEP_15 = new UdpSettings(Duration.ofSeconds(15), 8, Duration.ofMinutes(1));

    public UdpSettings {
        if (retransmitBase.isNegative() || retransmitBase.isZero()) {
            throw new IllegalArgumentException("retransmitBase must be positive");
        }
        if (maxRetransmissions < 0 || maxRetransmissions > 16) {
            throw new IllegalArgumentException("maxRetransmissions must be 0..16: " + maxRetransmissions);
        }
        if (connectionLifetime.isNegative()) {
            throw new IllegalArgumentException("connectionLifetime must not be negative");
        }
    }

    /** The wait after the {@code n}th transmission (0 = the first): base · 2^n. */
    Duration timeout(int n) {
        return retransmitBase.multipliedBy(1L << n);
    }

    static UdpSettings from(UdpTrackerClient.Config config) {
        return new UdpSettings(Duration.ofMillis(config.retransmitBaseMillis()), config.maxRetransmissions(),
                Duration.ofSeconds(config.connectionLifetimeSeconds()));
    }
}
