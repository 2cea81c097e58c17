package dev.shoal.engine.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SeedGoalTest {

    private static final long SIZE = 1000;

    @Test
    void ratioGoalIsReachedAtTheRatioNotBefore() {
        SeedGoal goal = new SeedGoal(OptionalDouble.of(1.5), Optional.empty());
        assertFalse(goal.reached(1499, SIZE, Duration.ofDays(365)));
        assertTrue(goal.reached(1500, SIZE, Duration.ZERO));
    }

    @Test
    void timeGoalIsReachedAfterTheTime() {
        SeedGoal goal = new SeedGoal(OptionalDouble.empty(), Optional.of(Duration.ofMinutes(30)));
        assertFalse(goal.reached(1_000_000, SIZE, Duration.ofMinutes(29)));
        assertTrue(goal.reached(0, SIZE, Duration.ofMinutes(30)));
    }

    @Test
    void theFirstGoalReachedEndsSeeding() {
        SeedGoal goal = new SeedGoal(OptionalDouble.of(2.0), Optional.of(Duration.ofHours(1)));
        assertTrue(goal.reached(2000, SIZE, Duration.ZERO));
        assertTrue(goal.reached(0, SIZE, Duration.ofHours(1)));
        assertFalse(goal.reached(1999, SIZE, Duration.ofMinutes(59)));
    }

    @Test
    void foreverIsNeverReachedAndRatioZeroAtOnce() {
        assertFalse(SeedGoal.FOREVER.reached(Long.MAX_VALUE / 2, SIZE, Duration.ofDays(10_000)));
        assertTrue(new SeedGoal(OptionalDouble.of(0), Optional.empty()).reached(0, SIZE, Duration.ZERO));
    }

    @Test
    void negativeAndNanGoalsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SeedGoal(OptionalDouble.of(-1), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new SeedGoal(OptionalDouble.of(Double.NaN), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new SeedGoal(OptionalDouble.empty(), Optional.of(Duration.ofSeconds(-1))));
    }
}
