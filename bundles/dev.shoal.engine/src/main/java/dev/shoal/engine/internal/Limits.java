package dev.shoal.engine.internal;

import dev.shoal.engine.api.RateLimits;

/** Rate limits between the engine's API, the swarm's API and the configuration's KiB/s. */
final class Limits {

    private static final long KIB = 1024;

    private Limits() {
    }

    static dev.shoal.peer.api.RateLimits toSwarm(RateLimits limits) {
        return new dev.shoal.peer.api.RateLimits(limits.downloadBytesPerSecond(), limits.uploadBytesPerSecond());
    }

    static RateLimits fromSwarm(dev.shoal.peer.api.RateLimits limits) {
        return new RateLimits(limits.downloadBytesPerSecond(), limits.uploadBytesPerSecond());
    }

    /** From KiB/s as configured; 0 (or less) is no limit. */
    static RateLimits ofKiB(long downloadKiB, long uploadKiB) {
        return new RateLimits(bytes(downloadKiB), bytes(uploadKiB));
    }

    private static long bytes(long kib) {
        return kib <= 0 ? 0 : kib > Long.MAX_VALUE / KIB ? Long.MAX_VALUE : kib * KIB;
    }
}
