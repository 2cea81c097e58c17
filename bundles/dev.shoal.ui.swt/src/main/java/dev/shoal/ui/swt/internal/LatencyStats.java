package dev.shoal.ui.swt.internal;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Event-loop figures for {@code ui:latency}: how long each {@code readAndDispatch} kept the display
 * thread busy (its longest is the "busy stretch") and how late the probe's {@code asyncExec}s ran (the
 * probe comes with the {@code ui:} driver, dev.shoal.ui.swt.driver; without it there are none).
 * Busy times go into a millisecond histogram, not a list: the loop dispatches thousands of times a
 * minute for days, and a p99 needs only the counts. The {@value #SLOWEST} slowest stretches are kept
 * with what they were spent on, for the report. Nothing is measured until {@link #measure()} is
 * called ({@code ui:latency}, or the framework property {@value #PROPERTY} the tests set): a
 * product window does not time its own event loop.
 */
public final class LatencyStats {

    /** Histogram buckets: 0..9999 ms one each, the last for everything longer. */
    private static final int BUCKETS = 10_001;
    /** Set to {@code true}, the event loop is timed from the start (and the driver's probe runs). */
    public static final String PROPERTY = "shoal.ui.latency";
    static final int SLOWEST = 3;

    private final long[] busyHistogram = new long[BUCKETS];
    private long dispatches;
    private long maxBusyNanos;
    private long probes;
    private long maxProbeNanos;
    /** The slowest stretches, slowest first; what each was spent on is only described when it is kept. */
    private final long[] slowNanos = new long[SLOWEST];
    private final String[] slowWhat = new String[SLOWEST];
    private volatile boolean measuring;

    /** From now on the event loop's dispatches are timed; any thread. */
    public void measure() {
        measuring = true;
    }

    public boolean measuring() {
        return measuring;
    }

    public void busy(long nanos) {
        busy(nanos, () -> "");
    }

    /** A dispatch kept the display thread {@code nanos}; {@code what} says on what, asked only if it is kept. */
    public synchronized void busy(long nanos, Supplier<String> what) {
        dispatches++;
        maxBusyNanos = Math.max(maxBusyNanos, nanos);
        busyHistogram[(int) Math.min(BUCKETS - 1, nanos / 1_000_000)]++;
        if (nanos > slowNanos[SLOWEST - 1]) {
            int at = SLOWEST - 1;
            while (at > 0 && slowNanos[at - 1] < nanos) {
                slowNanos[at] = slowNanos[at - 1];
                slowWhat[at] = slowWhat[at - 1];
                at--;
            }
            slowNanos[at] = nanos;
            slowWhat[at] = what.get();
        }
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
        java.util.Arrays.fill(slowNanos, 0);
        java.util.Arrays.fill(slowWhat, null);
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

    /**
     * {@code dispatches=N maxBusyMs=X p99BusyMs=Y maxProbeDelayMs=Z probes=M}, then a line per slowest
     * stretch whose work was described: {@code slowest: 41.3 ms (table.apply 30.1, gtk 11.2)}.
     */
    public synchronized String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "dispatches=%d maxBusyMs=%.1f p99BusyMs=%d maxProbeDelayMs=%.1f probes=%d", dispatches,
                maxBusyNanos / 1e6, p99BusyMillis(), maxProbeNanos / 1e6, probes));
        for (int i = 0; i < SLOWEST; i++) {
            if (slowWhat[i] != null && !slowWhat[i].isEmpty()) {
                text.append(String.format(Locale.ROOT, "%nslowest: %.1f ms (%s)", slowNanos[i] / 1e6, slowWhat[i]));
            }
        }
        return text.toString();
    }
}
