package dev.shoal.ui.swt.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What one dispatch of the event loop spent its time on, so {@code ui:latency} can say why its
 * slowest stretches were slow: the work this bundle posts or handles is run in named sections
 * (a snapshot applied, a {@code ui:} command, the table's SetData), nested sections counted apart
 * from their parent; what no section covers is GTK's own work (layout, painting, input). GC pauses
 * that fell into the dispatch are counted too: they stop the display thread like any work. The thread's
 * CPU time tells work from waiting: a stretch far longer than its CPU time waited for the X server or
 * for a core (a loaded machine). Display thread only, but for {@link #on()}. Nothing is allocated per
 * dispatch unless {@link #describe()} is asked for, and nothing is timed until it is turned on.
 */
public final class DispatchTrace {

    /** Distinct labels kept per dispatch; more fold into the last one. */
    private static final int LABELS = 8;
    private static final int DEPTH = 16;
    /** Sections shorter than this are left out of a description: they print as 0.0. */
    private static final long SHOWN = 50_000;

    private final String[] labels = new String[LABELS];
    private final long[] nanos = new long[LABELS];
    private int count;
    /** Per open section: the time its nested sections took, so a parent counts only its own. */
    private final long[] nested = new long[DEPTH];
    private int depth;
    private final LongSupplier clock;
    private final LongSupplier cpuClock;
    private final LongSupplier gcClock;
    private long gcAtStart;
    private long cpuAtStart;
    private long totalNanos;
    private long gcNanos;
    private long cpuNanos;
    private volatile boolean on;

    public DispatchTrace() {
        this(System::nanoTime, threadCpuClock(), gcPauseClock());
    }

    /**
     * @param clock    nanoseconds, as {@link System#nanoTime()}
     * @param cpuClock the display thread's CPU time in nanoseconds, -1 where the JVM cannot tell
     * @param gcClock  nanoseconds the JVM has spent in GC pauses so far
     */
    DispatchTrace(LongSupplier clock, LongSupplier cpuClock, LongSupplier gcClock) {
        this.clock = clock;
        this.cpuClock = cpuClock;
        this.gcClock = gcClock;
    }

    private static LongSupplier threadCpuClock() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads::getCurrentThreadCpuTime : () -> -1;
    }

    private static LongSupplier gcPauseClock() {
        // Concurrent collectors' beans count work beside the application, not pauses.
        List<GarbageCollectorMXBean> pausing = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(bean -> !bean.getName().contains("Concurrent")).toList();
        return () -> {
            long millis = 0;
            for (GarbageCollectorMXBean bean : pausing) {
                millis += Math.max(0, bean.getCollectionTime());
            }
            return millis * 1_000_000;
        };
    }

    /** From now on sections are timed; any thread. */
    public void on() {
        on = true;
    }

    /** A dispatch starts: forgets the last one's sections. */
    void begin() {
        count = 0;
        depth = 0;
        gcAtStart = gcClock.getAsLong();
        cpuAtStart = cpuClock.getAsLong();
    }

    /** The dispatch took {@code total} nanoseconds. */
    void end(long total) {
        totalNanos = total;
        gcNanos = Math.max(0, gcClock.getAsLong() - gcAtStart);
        long cpu = cpuClock.getAsLong();
        cpuNanos = cpu < 0 || cpuAtStart < 0 ? -1 : cpu - cpuAtStart;
    }

    /** Runs {@code work} as a section named {@code label}. */
    public void section(String label, Runnable work) {
        if (!on) {
            work.run();
            return;
        }
        long start = clock.getAsLong();
        boolean counted = depth < DEPTH;
        if (counted) {
            nested[depth++] = 0;
        }
        try {
            work.run();
        } finally {
            long took = clock.getAsLong() - start;
            if (counted) {
                long own = took - nested[--depth];
                if (depth > 0) {
                    nested[depth - 1] += took;
                }
                add(label, own);
            }
        }
    }

    private void add(String label, long took) {
        for (int i = 0; i < count; i++) {
            if (labels[i].equals(label)) {
                nanos[i] += took;
                return;
            }
        }
        if (count < LABELS) {
            labels[count] = label;
            nanos[count++] = took;
        } else {
            nanos[LABELS - 1] += took;
        }
    }

    /**
     * {@code table 40.2, ui:sort 3.1, gtk 12.0; thread cpu 30.1, gc pauses 8.0} (ms): the last
     * dispatch's sections biggest first, then what none covered (GTK's own work), then how much of it
     * the thread ran and how much GC stopped it.
     */
    String describe() {
        long sections = 0;
        StringBuilder text = new StringBuilder();
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
            sections += nanos[i];
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
        for (int i : order) {
            if (nanos[i] >= SHOWN) {
                append(text, labels[i], nanos[i]);
            }
        }
        append(text, "gtk", Math.max(0, totalNanos - sections));
        // Both overlap the figures before them: a GC pause stops the thread wherever it is.
        if (cpuNanos >= 0) {
            text.append(';');
            append(text, "thread cpu", cpuNanos);
        }
        if (gcNanos > 0) {
            append(text, "gc pauses", Math.min(gcNanos, totalNanos));
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String label, long nanos) {
        if (text.length() > 0) {
            text.append(text.charAt(text.length() - 1) == ';' ? " " : ", ");
        }
        text.append(label).append(' ').append(String.format(Locale.ROOT, "%.1f", nanos / 1e6));
    }
}
