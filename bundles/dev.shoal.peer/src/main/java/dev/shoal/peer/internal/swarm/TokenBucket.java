package dev.shoal.peer.internal.swarm;

/**
 * A rate limit: tokens (bytes) refill at the limit, up to one second's worth; a transfer takes what
 * it moved and may drive the balance negative, and whoever wants to move more waits until the debt
 * is paid. Limit 0 means unlimited. Time is passed in, so tests need no clock.
 */
final class TokenBucket {

    private long bytesPerSecond;
    private double tokens;
    private long lastNanos;

    TokenBucket(long bytesPerSecond, long nowNanos) {
        this.bytesPerSecond = bytesPerSecond;
        this.tokens = bytesPerSecond;
        this.lastNanos = nowNanos;
    }

    synchronized void setRate(long value, long nowNanos) {
        refill(nowNanos);
        bytesPerSecond = value;
        tokens = Math.min(tokens, value);
    }

    synchronized long rate() {
        return bytesPerSecond;
    }

    synchronized void take(long bytes, long nowNanos) {
        if (bytesPerSecond == 0) {
            return;
        }
        refill(nowNanos);
        tokens -= bytes;
    }

    /** Nanoseconds until the balance is positive again; 0 when it already is (or unlimited). */
    synchronized long waitNanos(long nowNanos) {
        if (bytesPerSecond == 0) {
            return 0;
        }
        refill(nowNanos);
        return tokens > 0 ? 0 : (long) Math.ceil((-tokens + 1) * 1e9 / bytesPerSecond);
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        lastNanos = nowNanos;
        if (elapsed > 0 && bytesPerSecond > 0) {
            tokens = Math.min(bytesPerSecond, tokens + elapsed * (double) bytesPerSecond / 1e9);
        }
    }
}
