package dev.shoal.ui.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    private static final long MS = 1_000_000;

    @Test
    void emptyFigures() {
        assertEquals("dispatches=0 maxBusyMs=0.0 p99BusyMs=0 maxProbeDelayMs=0.0 probes=0", new LatencyStats().summary());
    }

    @Test
    void maxAndP99OfBusyStretches() {
        LatencyStats stats = new LatencyStats();
        for (int i = 0; i < 990; i++) {
            stats.busy(MS / 2); // well under a millisecond: bucket 0
        }
        for (int i = 0; i < 9; i++) {
            stats.busy(7 * MS + MS / 2);
        }
        stats.busy(250 * MS);
        stats.probe(3 * MS);
        stats.probe(12 * MS + MS / 4);
        // 990 of 1000 in bucket 0; the 99 % line falls there: p99 reads "under 1 ms".
        assertEquals("dispatches=1000 maxBusyMs=250.0 p99BusyMs=1 maxProbeDelayMs=12.3 probes=2", stats.summary());
        stats.busy(7 * MS);
        assertEquals(8, stats.p99BusyMillis(), "one more slow one moves the 99 % line into the 7 ms bucket");
    }

    @Test
    void hugeStretchesLandInTheLastBucket() {
        LatencyStats stats = new LatencyStats();
        stats.busy(60_000 * MS);
        assertEquals(10_001, stats.p99BusyMillis());
        assertEquals("dispatches=1 maxBusyMs=60000.0 p99BusyMs=10001 maxProbeDelayMs=0.0 probes=0", stats.summary());
    }

    @Test
    void theSlowestStretchesAreKeptWithWhatTheyWereSpentOn() {
        LatencyStats stats = new LatencyStats();
        int[] described = {0};
        long[] stretches = {5, 40, 12, 90, 7, 60, 3};
        for (long ms : stretches) {
            stats.busy(ms * MS, () -> {
                described[0]++;
                return "work of " + ms;
            });
        }
        assertEquals("""
                dispatches=7 maxBusyMs=90.0 p99BusyMs=91 maxProbeDelayMs=0.0 probes=0
                slowest: 90.0 ms (work of 90)
                slowest: 60.0 ms (work of 60)
                slowest: 40.0 ms (work of 40)""".replace("\n", System.lineSeparator()), stats.summary());
        assertEquals(5, described[0], "only stretches slower than the kept ones are described: 5, 40, 12, 90, 60");
        stats.reset();
        assertEquals(new LatencyStats().summary(), stats.summary());
    }

    @Test
    void resetStartsOver() {
        LatencyStats stats = new LatencyStats();
        stats.busy(5 * MS);
        stats.probe(5 * MS);
        stats.reset();
        assertEquals(new LatencyStats().summary(), stats.summary());
    }
}
