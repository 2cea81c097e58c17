package dev.shoal.peer.internal.mse;

/**
 * Bounds the Diffie-Hellman computations incoming handshakes cost per second: two 768-bit modular
 * powers each, so a flood of handshakes could otherwise keep every I/O thread busy. Beyond the
 * bound, handshakes are refused (the peer may dial again later). Thread-safe, constant memory.
 */
public final class DhBudget {

    private static final long SECOND = 1_000_000_000L;
    private final int perSecond;
    private long windowStart = Long.MIN_VALUE;
    private int used;
    private long granted;

    public DhBudget(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("encrypted handshakes per second must be positive");
        }
        this.perSecond = perSecond;
    }

    /** True if one more may be computed now (it is counted). */
    public boolean tryAcquire() {
        return tryAcquire(System.nanoTime());
    }

    synchronized boolean tryAcquire(long now) {
        if (windowStart == Long.MIN_VALUE || now - windowStart >= SECOND) {
            windowStart = now;
            used = 0;
        }
        if (used >= perSecond) {
            return false;
        }
        used++;
        granted++;
        return true;
    }

    /** Computations granted so far. */
    public synchronized long granted() {
        return granted;
    }

    public int perSecond() {
        return perSecond;
    }
}
