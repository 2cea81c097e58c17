package dev.shoal.ui.swt.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RateHistoryTest {

    @Test
    void keepsOneSampleASecondAtMost() {
        RateHistory history = new RateHistory(1);
        history.add(10_000, 1, 2);
        history.add(10_250, 3, 4); // a quick refresh: dropped
        history.add(10_999, 5, 6);
        history.add(11_000, 7, 8);
        RateSeries series = history.series();
        assertArrayEquals(new long[] {10_000, 11_000}, series.times());
        assertArrayEquals(new long[] {1, 7}, series.down());
        assertArrayEquals(new long[] {2, 8}, series.up());
    }

    @Test
    void theRingHoldsTheLastMinutesAndNoMore() {
        RateHistory history = new RateHistory(2);
        assertEquals(120, history.capacity());
        for (int second = 0; second < 1000; second++) {
            history.add(second * 1000L, second, 2L * second);
            assertEquals(Math.min(second + 1, 120), history.size());
        }
        RateSeries series = history.series();
        assertEquals(120, series.size());
        assertEquals(880, series.down()[0], "the oldest kept is 2 minutes back");
        assertEquals(999, series.down()[119]);
        assertEquals(1998, series.up()[119]);
        assertEquals(1998, series.peak());
    }

    @Test
    void resizeKeepsTheNewestThatFit() {
        RateHistory history = new RateHistory(3);
        for (int second = 0; second < 150; second++) {
            history.add(second * 1000L, second, 0);
        }
        history.resize(1);
        assertEquals(60, history.capacity());
        RateSeries series = history.series();
        assertEquals(60, series.size());
        assertEquals(90, series.down()[0]);
        assertEquals(149, series.down()[59]);
        history.add(150_000, 150, 0);
        assertEquals(91, history.series().down()[0]);
        history.resize(5);
        assertEquals(60, history.size(), "growing loses nothing");
        assertEquals(91, history.series().down()[0]);
    }

    @Test
    void clearEmptiesAndTheSeriesIsACopy() {
        RateHistory history = new RateHistory(1);
        history.add(0, 5, 5);
        RateSeries before = history.series();
        history.clear();
        assertEquals(0, history.size());
        assertEquals(1, before.size());
        assertEquals(0, history.series().peak());
    }

    @Test
    void minutesOutOfRangeAreRefused() {
        assertEquals("speed graph minutes must be 1..1440, not 0",
                assertThrows(IllegalArgumentException.class, () -> new RateHistory(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RateHistory(1441));
    }

    @Test
    void graphScaleIsARoundTopAtOrAboveThePeak() {
        assertEquals(10 * 1024, GraphScale.top(0));
        assertEquals(10 * 1024, GraphScale.top(10 * 1024));
        assertEquals(20 * 1024, GraphScale.top(10 * 1024 + 1));
        assertEquals(500 * 1024, GraphScale.top(300 * 1024));
        assertEquals(1024 * 1024, GraphScale.top(600 * 1024));
        assertEquals(5L * 1024 * 1024, GraphScale.top(3L * 1024 * 1024));
    }
}
