package dev.shoal.engine.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Time spent seeding, summed over every stretch of seeding. Safe from any thread. */
final class SeedClock {

    private final LongSupplier nanoTime;
    private long accumulated;
    /** When the current stretch began, or -1 while not seeding. */
    private long since = -1;

    SeedClock(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    static SeedClock system() {
        return new SeedClock(System::nanoTime);
    }

    synchronized void start() {
        if (since < 0) {
            since = nanoTime.getAsLong();
        }
    }

    synchronized void stop() {
        if (since >= 0) {
            accumulated += nanoTime.getAsLong() - since;
            since = -1;
        }
    }

    synchronized boolean running() {
        return since >= 0;
    }

    synchronized Duration elapsed() {
        long total = accumulated + (since >= 0 ? nanoTime.getAsLong() - since : 0);
        return Duration.ofNanos(total);
    }
}
