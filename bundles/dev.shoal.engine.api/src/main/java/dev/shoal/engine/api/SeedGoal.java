package dev.shoal.engine.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * When a complete torrent stops seeding: at the first goal reached. With neither, it seeds until
 * paused or removed.
 *
 * @param ratio uploaded / size of the torrent
 * @param time  time spent seeding (complete and running)
 */
public record SeedGoal(OptionalDouble ratio, Optional<Duration> time) {

    /** Ratio 1.0, no time limit. */
    public static final SeedGoal DEFAULT = new SeedGoal(OptionalDouble.of(1.0), Optional.empty());
    /** Seed until stopped. */
    public static final SeedGoal FOREVER = new SeedGoal(OptionalDouble.empty(), Optional.empty());

    public SeedGoal {
        Objects.requireNonNull(ratio, "ratio");
        Objects.requireNonNull(time, "time");
        if (ratio.isPresent() && !(ratio.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("the seed ratio must not be negative: " + ratio.getAsDouble());
        }
        if (time.isPresent() && time.get().isNegative()) {
            throw new IllegalArgumentException("the seed time must not be negative: " + time.get());
        }
    }

    /** True when either goal is met by what was uploaded of {@code size} bytes in {@code seeding}. */
    public boolean reached(long uploaded, long size, Duration seeding) {
        boolean ratioMet = ratio.isPresent() && (size == 0 || (double) uploaded / size >= ratio.getAsDouble());
        boolean timeMet = time.isPresent() && seeding.compareTo(time.get()) >= 0;
        return ratioMet || timeMet;
    }
}
