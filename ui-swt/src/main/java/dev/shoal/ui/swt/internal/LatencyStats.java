package dev.shoal.ui.swt.internal;

import java.util.Locale;

/**
 * Event-loop figures for {@code ui:latency}: how long each {@code readAndDispatch} kept the display
 * thread busy (its longest is the "busy stretch") and how late the probe's {@code asyncExec}s ran.
 * Busy times go into a millisecond histogram, not a list: the loop dispatches thousands of times a
 * minute for days, and a p99 needs only the counts.
 */
public final class LatencyStats {

    /** Histogram buckets: 0..9999 ms one each, the last for everything longer. */
    private static final int BUCKETS = 10_001;

    private final long[] busyHistogram = new long[BUCKETS];
    private long dispatches;
    private long maxBusyNanos;
    private long probes;
    private long maxProbeNanos;

    public synchronized void busy(long nanos) {
        dispatches++;
        maxBusyNanos = Math.max(maxBusyNanos, nanos);
        busyHistogram[(int) Math.min(BUCKETS - 1, nanos / 1_000_000)]++;
    }

    public synchronized void probe(long delayNanos) {
        probes++;
        maxProbeNanos = Math.max(maxProbeNanos, delayNanos);
    }

    public synchronized void reset() {
        java.util.Arrays.fill(busyHistogram, 0);
        dispatches = 0;
        maxBusyNanos = 0;
        probes = 0;
        maxProbeNanos = 0;
    }

    /** The busy time 99 % of dispatches stay at or under, in whole milliseconds (bucket's upper end). */
    synchronized long p99BusyMillis() {
        if (dispatches == 0) {
            return 0;
        }
        long threshold = (long) Math.ceil(dispatches * 0.99);
        long seen = 0;
        for (int ms = 0; ms < BUCKETS; ms++) {
            seen += busyHistogram[ms];
            if (seen >= threshold) {
                return ms + 1L;
            }
        }
        return BUCKETS;
    }

    /** {@code dispatches=N maxBusyMs=X p99BusyMs=Y maxProbeDelayMs=Z probes=M}. */
    public synchronized String summary() {
        return String.format(Locale.ROOT, "dispatches=%d maxBusyMs=%.1f p99BusyMs=%d maxProbeDelayMs=%.1f probes=%d",
                dispatches, maxBusyNanos / 1e6, p99BusyMillis(), maxProbeNanos / 1e6, probes);
    }
}
