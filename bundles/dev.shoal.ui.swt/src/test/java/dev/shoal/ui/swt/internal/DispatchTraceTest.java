package dev.shoal.ui.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DispatchTraceTest {

    private static final long MS = 1_000_000;

    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong cpu = new AtomicLong();
    private final AtomicLong gc = new AtomicLong();
    private final DispatchTrace trace = on(new DispatchTrace(clock::get, cpu::get, gc::get));

    private Runnable takes(long nanos) {
        return () -> clock.addAndGet(nanos);
    }

    @Test
    void nestedSectionsCountApartFromTheirParentAndTheRestIsGtk() {
        trace.begin();
        long start = clock.get();
        trace.section("snapshot", () -> {
            clock.addAndGet(2 * MS);
            trace.section("table", () -> {
                clock.addAndGet(5 * MS);
                trace.section("setItemCount", takes(30 * MS));
            });
            trace.section("status bar", takes(MS));
        });
        trace.section("SetData", takes(4 * MS));
        trace.section("SetData", takes(3 * MS));
        trace.section("PaintItem", takes(10_000)); // too short to name
        clock.addAndGet(20 * MS); // GTK's own
        cpu.addAndGet(40 * MS);
        trace.end(clock.get() - start);
        assertEquals("setItemCount 30.0, SetData 7.0, table 5.0, snapshot 2.0, status bar 1.0, gtk 20.0;"
                + " thread cpu 40.0", trace.describe());
    }

    @Test
    void gcPausesAndAThrowingSectionAreCounted() {
        trace.begin();
        assertThrows(IllegalStateException.class, () -> trace.section("ui:sort", () -> {
            clock.addAndGet(3 * MS);
            throw new IllegalStateException("bad column");
        }));
        gc.addAndGet(8 * MS);
        clock.addAndGet(9 * MS);
        trace.end(12 * MS);
        assertEquals("ui:sort 3.0, gtk 9.0; thread cpu 0.0, gc pauses 8.0", trace.describe());
    }

    @Test
    void aNewDispatchForgetsTheLastOneAndNoCpuClockSaysNothing() {
        DispatchTrace noCpu = on(new DispatchTrace(clock::get, () -> -1, gc::get));
        noCpu.begin();
        noCpu.section("open", takes(50 * MS));
        noCpu.end(50 * MS);
        noCpu.begin();
        noCpu.end(2 * MS);
        assertEquals("gtk 2.0", noCpu.describe());
    }

    @Test
    void moreLabelsThanKeptFoldIntoTheLast() {
        trace.begin();
        for (int i = 0; i < 10; i++) {
            trace.section("s" + i, takes(MS));
        }
        trace.end(10 * MS);
        assertEquals("s7 3.0, s0 1.0, s1 1.0, s2 1.0, s3 1.0, s4 1.0, s5 1.0, s6 1.0, gtk 0.0; thread cpu 0.0",
                trace.describe());
    }

    @Test
    void offUntilTurnedOnSectionsRunUntimed() {
        DispatchTrace off = new DispatchTrace(() -> {
            throw new AssertionError("the clock was read though the trace is off");
        }, cpu::get, gc::get);
        int[] ran = {0};
        off.section("table", () -> ran[0]++);
        assertEquals(1, ran[0]);
    }

    private static DispatchTrace on(DispatchTrace trace) {
        trace.on();
        return trace;
    }
}
