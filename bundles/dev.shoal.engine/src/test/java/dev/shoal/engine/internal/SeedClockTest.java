package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SeedClockTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final SeedClock clock = new SeedClock(now::get);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void it_sums_the_stretches_of_seeding_and_stands_still_between_them() {
        assertEquals(Duration.ZERO, clock.elapsed());
        clock.start();
        advance(Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(5), clock.elapsed(), "counts while running");
        clock.stop();
        advance(Duration.ofHours(1));
        assertEquals(Duration.ofSeconds(5), clock.elapsed(), "not while stopped");
        assertFalse(clock.running());
        clock.start();
        advance(Duration.ofSeconds(2));
        assertTrue(clock.running());
        assertEquals(Duration.ofSeconds(7), clock.elapsed());
    }

    @Test
    void starting_or_stopping_twice_changes_nothing() {
        clock.start();
        advance(Duration.ofSeconds(3));
        clock.start();
        advance(Duration.ofSeconds(3));
        clock.stop();
        clock.stop();
        assertEquals(Duration.ofSeconds(6), clock.elapsed());
    }
}
