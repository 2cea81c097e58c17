package dev.shoal.ui.swt.internal.model;

/**
 * Rate samples, oldest first, for the speed graph: times in epoch milliseconds, rates in bytes/s.
 * The arrays are private copies; callers must not change them.
 */
public record RateSeries(long[] times, long[] down, long[] up) {

    public static final RateSeries EMPTY = new RateSeries(new long[0], new long[0], new long[0]);

    public int size() {
        return times.length;
    }

    /** The highest rate of either direction, 0 when empty: the graph's vertical scale. */
    public long peak() {
        long peak = 0;
        for (int i = 0; i < times.length; i++) {
            peak = Math.max(peak, Math.max(down[i], up[i]));
        }
        return peak;
    }
}
