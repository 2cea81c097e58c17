package dev.shoal.peer.internal.swarm;

/**
 * Bytes per second over the last few seconds, as a moving average updated once a second by the
 * caller's tick: cheap enough to feed on every block, smooth enough for the choker and for display.
 */
final class RateMeter {

    /** Each second's sample weighs this much; about the last 5 s count. */
    private static final double WEIGHT = 0.2;

    private long total;
    private long sampledTotal;
    private double rate;
    private boolean primed;

    synchronized void add(long bytes) {
        total += bytes;
    }

    /** Folds in the bytes since the last tick; call once per {@code elapsedMillis}. */
    synchronized void tick(long elapsedMillis) {
        if (elapsedMillis <= 0) {
            return;
        }
        double sample = (total - sampledTotal) * 1000.0 / elapsedMillis;
        sampledTotal = total;
        // The first sample is taken as is, so a fast start shows at once instead of ramping up.
        rate = primed ? rate + WEIGHT * (sample - rate) : sample;
        primed = true;
    }

    synchronized long total() {
        return total;
    }

    synchronized long rate() {
        return Math.round(rate);
    }
}
