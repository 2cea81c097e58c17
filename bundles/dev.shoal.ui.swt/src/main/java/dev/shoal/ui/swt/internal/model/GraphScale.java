package dev.shoal.ui.swt.internal.model;

/** The speed graph's vertical scale: a round top at or above the peak, so grid labels read well. */
public final class GraphScale {

    private static final long[] STEPS = {1, 2, 5, 10, 20, 50, 100, 200, 500};

    /** An empty or idle graph still spans this much, so a flat line sits at the bottom, not mid-air. */
    static final long FLOOR = 10 * 1024;

    private GraphScale() {
    }

    /** The least of 1, 2, 5 × 10^n × 1024^k bytes/s (k from 0) at or above {@code peak}; at least 10 KiB/s. */
    public static long top(long peak) {
        if (peak <= FLOOR) {
            return FLOOR;
        }
        for (long unit = 1; ; unit *= 1024) {
            for (long step : STEPS) {
                long candidate = step * unit;
                if (candidate >= peak) {
                    return candidate;
                }
            }
            if (unit > Long.MAX_VALUE / 1024 / 1024) {
                return peak;
            }
        }
    }
}
