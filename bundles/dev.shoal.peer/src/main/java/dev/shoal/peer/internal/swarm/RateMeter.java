package dev.shoal.peer.internal.swarm;

/**
 * Bytes per second over the last few seconds, as a moving average updated once a second by the
 * caller's tick: cheap enough to feed on every block, smooth enough for the choker and for display.
 * Once nothing has moved for {@value #QUIET_TICKS} ticks the rate is exactly 0: the average alone
 * only tends to it (a torrent that stopped at 200 MiB/s would read some bytes per second for a
 * minute and more), and a swarm whose rates are at rest can stop ticking.
 */
final class RateMeter {

    /** Each second's sample weighs this much; about the last 5 s count. */
    private static final double WEIGHT = 0.2;
    /** Ticks in a row without a byte after which the rate is 0: the average's own span. */
    static final int QUIET_TICKS = 5;

    private long total;
    private long sampledTotal;
    private double rate;
    private boolean primed;
    private int quietTicks;

    synchronized void add(long bytes) {
        total += bytes;
    }

    /** Folds in the bytes since the last tick; call once per {@code elapsedMillis}. */
    synchronized void tick(long elapsedMillis) {
        if (elapsedMillis <= 0) {
            return;
        }
        long moved = total - sampledTotal;
        sampledTotal = total;
        quietTicks = moved == 0 ? quietTicks + 1 : 0;
        if (quietTicks >= QUIET_TICKS) {
            rate = 0;
            return;
        }
        double sample = moved * 1000.0 / elapsedMillis;
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

    /** Whether the rate is exactly 0 and nothing came since the last tick: ticking it changes nothing. */
    synchronized boolean atRest() {
        return rate == 0 && total == sampledTotal;
    }
}
