package dev.shoal.ui.swt.internal.model;

/**
 * The last minutes of down and up rates, one sample a second at most, in a ring of fixed capacity:
 * the speed graph's memory never grows with the time the app runs. Not thread-safe: the poller owns it.
 */
public final class RateHistory {

    /** One sample a second: a refresh faster than that does not crowd the graph. */
    static final long SAMPLE_MILLIS = 1000;

    private long[] times;
    private long[] down;
    private long[] up;
    /** Index of the oldest sample. */
    private int start;
    private int size;

    public RateHistory(int minutes) {
        int capacity = capacityFor(minutes);
        times = new long[capacity];
        down = new long[capacity];
        up = new long[capacity];
    }

    private static int capacityFor(int minutes) {
        if (minutes < 1 || minutes > 24 * 60) {
            throw new IllegalArgumentException("speed graph minutes must be 1..1440, not " + minutes);
        }
        return minutes * 60;
    }

    public int capacity() {
        return times.length;
    }

    public int size() {
        return size;
    }

    /**
     * Records rates at {@code timeMillis}, unless the last sample is less than a second older; the
     * oldest sample goes when the ring is full.
     */
    public void add(long timeMillis, long downRate, long upRate) {
        if (size > 0 && timeMillis - times[index(size - 1)] < SAMPLE_MILLIS) {
            return;
        }
        int slot;
        if (size < times.length) {
            slot = index(size);
            size++;
        } else {
            slot = start;
            start = (start + 1) % times.length;
        }
        times[slot] = timeMillis;
        down[slot] = downRate;
        up[slot] = upRate;
    }

    public void clear() {
        start = 0;
        size = 0;
    }

    /** A new length of memory; the newest samples that fit stay. */
    public void resize(int minutes) {
        int capacity = capacityFor(minutes);
        if (capacity == times.length) {
            return;
        }
        RateSeries kept = series();
        times = new long[capacity];
        down = new long[capacity];
        up = new long[capacity];
        start = 0;
        size = 0;
        for (int i = Math.max(0, kept.size() - capacity); i < kept.size(); i++) {
            int slot = size++;
            times[slot] = kept.times()[i];
            down[slot] = kept.down()[i];
            up[slot] = kept.up()[i];
        }
    }

    /** A copy, oldest first. */
    public RateSeries series() {
        long[] t = new long[size];
        long[] d = new long[size];
        long[] u = new long[size];
        for (int i = 0; i < size; i++) {
            int slot = index(i);
            t[i] = times[slot];
            d[i] = down[slot];
            u[i] = up[slot];
        }
        return new RateSeries(t, d, u);
    }

    private int index(int i) {
        return (start + i) % times.length;
    }
}
