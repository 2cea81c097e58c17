package dev.shoal.tracker.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Timing timing = new Timing(Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofMinutes(30),
            0.25, Duration.ofSeconds(60), Duration.ofSeconds(5), 50);

    @Test
    void doublesFromTheBaseUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(15), Backoff.delay(timing, 1, 0));
        assertEquals(Duration.ofSeconds(30), Backoff.delay(timing, 2, 0));
        assertEquals(Duration.ofSeconds(60), Backoff.delay(timing, 3, 0));
        assertEquals(Duration.ofSeconds(960), Backoff.delay(timing, 7, 0));
        assertEquals(Duration.ofMinutes(30), Backoff.delay(timing, 8, 0));
        assertEquals(Duration.ofMinutes(30), Backoff.delay(timing, 1000, 0));
    }

    @Test
    void jitterTakesOffUpToItsShare() {
        assertEquals(Duration.ofMillis(11_250), Backoff.delay(timing, 1, 1.0));
        assertEquals(Duration.ofMillis(13_125), Backoff.delay(timing, 1, 0.5));
    }

    @Test
    void noBackoffBeforeAFailure() {
        assertThrows(IllegalArgumentException.class, () -> Backoff.delay(timing, 0, 0));
    }

    @Test
    void timingChecksItsValues() {
        assertThrows(IllegalArgumentException.class, () -> new Timing(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 0, Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new Timing(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(1), 0, Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new Timing(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1.5, Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
    }
}
