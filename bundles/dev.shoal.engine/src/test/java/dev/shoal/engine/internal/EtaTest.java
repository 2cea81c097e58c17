package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.engine.api.SeedGoal;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class EtaTest {

    private static final long MIB = 1 << 20;

    @Test
    void a_download_takes_what_is_missing_over_the_rate_rounded_up() {
        assertEquals(Optional.of(Duration.ofSeconds(10)), Eta.toComplete(10 * MIB, MIB));
        assertEquals(Optional.of(Duration.ofSeconds(1)), Eta.toComplete(1, MIB), "a few bytes are not zero");
        assertEquals(Optional.empty(), Eta.toComplete(MIB, 0), "unknown while nothing arrives");
        assertEquals(Optional.of(Duration.ZERO), Eta.toComplete(0, 0));
    }

    @Test
    void a_ratio_goal_takes_what_is_left_to_upload_over_the_upload_rate() {
        SeedGoal ratio = new SeedGoal(OptionalDouble.of(2.0), Optional.empty());
        assertEquals(Optional.of(Duration.ofSeconds(15)), Eta.toGoal(ratio, 5 * MIB, 10 * MIB, MIB, Duration.ZERO));
        assertEquals(Optional.empty(), Eta.toGoal(ratio, 5 * MIB, 10 * MIB, 0, Duration.ZERO));
        assertEquals(Optional.of(Duration.ZERO), Eta.toGoal(ratio, 20 * MIB, 10 * MIB, 0, Duration.ZERO));
    }

    @Test
    void the_nearer_goal_counts_and_no_goal_has_no_eta() {
        SeedGoal both = new SeedGoal(OptionalDouble.of(1.0), Optional.of(Duration.ofMinutes(10)));
        assertEquals(Optional.of(Duration.ofSeconds(10)), Eta.toGoal(both, 0, 10 * MIB, MIB, Duration.ZERO));
        assertEquals(Optional.of(Duration.ofMinutes(4)),
                Eta.toGoal(both, 0, 10 * MIB, 1, Duration.ofMinutes(6)), "time is nearer at a trickle");
        assertEquals(Optional.of(Duration.ofMinutes(4)),
                Eta.toGoal(both, 0, 10 * MIB, 0, Duration.ofMinutes(6)), "time alone when nothing is uploaded");
        assertEquals(Optional.of(Duration.ZERO), Eta.toGoal(both, 0, 10 * MIB, 0, Duration.ofHours(1)));
        assertEquals(Optional.empty(), Eta.toGoal(SeedGoal.FOREVER, 0, 10 * MIB, MIB, Duration.ZERO));
    }
}
