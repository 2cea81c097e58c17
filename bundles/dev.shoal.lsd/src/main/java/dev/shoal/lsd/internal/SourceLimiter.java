package dev.shoal.lsd.internal;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many announces each source address may have read: a token bucket per address, {@code burst}
 * deep, refilled at one token per {@code refillNanos}. A well-behaved client sends one announce a
 * minute per interface; a few clients may share one address (several on one host), hence the burst.
 * At most {@code maxSources} addresses are tracked; beyond that, the addresses not tracked share one
 * bucket, so a flood from many (spoofed) addresses costs no more memory or CPU than one source.
 * Not thread-safe: the LSD loop's thread alone uses it.
 */
final class SourceLimiter {

    private final int burst;
    private final long refillNanos;
    private final int maxSources;
    private final Map<InetAddress, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);
    private final Bucket overflow;

    SourceLimiter(int burst, long refillNanos, int maxSources, long now) {
        if (burst < 1 || refillNanos < 1 || maxSources < 1) {
            throw new IllegalArgumentException("burst, refill and maxSources must be positive");
        }
        this.burst = burst;
        this.refillNanos = refillNanos;
        this.maxSources = maxSources;
        this.overflow = new Bucket(burst, now);
    }

    /** Whether an announce from {@code source} at {@code now} (nanoTime) may be read; takes a token if so. */
    boolean allow(InetAddress source, long now) {
        Bucket bucket = buckets.get(source);
        if (bucket == null) {
            dropFullBuckets(now);
            if (buckets.size() < maxSources) {
                bucket = new Bucket(burst, now);
                buckets.put(source, bucket);
            } else {
                bucket = overflow;
            }
        }
        return bucket.take(now);
    }

    /** Tracked addresses, for tests. */
    int tracked() {
        return buckets.size();
    }

    /** A full bucket says nothing a fresh one would not: forget it to make room (least recent first). */
    private void dropFullBuckets(long now) {
        if (buckets.size() < maxSources) {
            return;
        }
        buckets.values().removeIf(bucket -> {
            bucket.refill(now);
            return bucket.tokens >= burst;
        });
    }

    private final class Bucket {
        private long tokens;
        private long refilledAt;

        Bucket(long tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        void refill(long now) {
            long earned = (now - refilledAt) / refillNanos;
            if (earned > 0) {
                tokens = Math.min(burst, tokens + earned);
                refilledAt = tokens == burst ? now : refilledAt + earned * refillNanos;
            }
        }

        boolean take(long now) {
            refill(now);
            if (tokens == 0) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
