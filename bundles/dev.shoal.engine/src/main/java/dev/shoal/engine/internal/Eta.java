package dev.shoal.engine.internal;

import dev.shoal.engine.api.SeedGoal;
import java.time.Duration;
import java.util.Optional;

/** How long until a download completes or a seed goal is reached, at the current rates. */
final class Eta {

    private Eta() {
    }

    /** Missing bytes over the download rate; unknown while nothing arrives. */
    static Optional<Duration> toComplete(long remaining, long downloadRate) {
        if (remaining <= 0) {
            return Optional.of(Duration.ZERO);
        }
        return downloadRate > 0 ? Optional.of(seconds(remaining, downloadRate)) : Optional.empty();
    }

    /**
     * The nearer of the goals: the ratio at the current upload rate, the time by the clock. Unknown
     * with no goal, or with only a ratio goal and nothing being uploaded.
     */
    static Optional<Duration> toGoal(SeedGoal goal, long uploaded, long size, long uploadRate, Duration seeding) {
        Optional<Duration> byRatio = Optional.empty();
        if (goal.ratio().isPresent()) {
            double target = Math.ceil(goal.ratio().getAsDouble() * size);
            long missing = target >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) target - uploaded;
            if (size == 0 || missing <= 0) {
                byRatio = Optional.of(Duration.ZERO);
            } else if (uploadRate > 0) {
                byRatio = Optional.of(seconds(missing, uploadRate));
            }
        }
        Optional<Duration> byTime = goal.time().map(time -> {
            Duration left = time.minus(seeding);
            return left.isNegative() ? Duration.ZERO : left;
        });
        if (byRatio.isPresent() && byTime.isPresent()) {
            return Optional.of(byRatio.get().compareTo(byTime.get()) <= 0 ? byRatio.get() : byTime.get());
        }
        return byRatio.isPresent() ? byRatio : byTime;
    }

    /** Whole seconds, rounded up, so a few bytes left never show as zero. */
    private static Duration seconds(long bytes, long perSecond) {
        return Duration.ofSeconds(bytes / perSecond + (bytes % perSecond == 0 ? 0 : 1));
    }
}
