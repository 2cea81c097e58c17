package dev.shoal.engine.internal;

import dev.shoal.engine.api.TorrentState;
import java.time.Duration;
import java.util.function.LongSupplier;

/** Time spent seeding, summed over every stretch of seeding. Safe from any thread. */
final class SeedClock {

    private final LongSupplier nanoTime;
    private long accumulated;
    /** When the current stretch began, or -1 while not seeding. */
    private long since = -1;

    SeedClock(LongSupplier nanoTime) {
        this(nanoTime, Duration.ZERO);
    }

    /** @param before time seeded already, in earlier runs of the engine */
    SeedClock(LongSupplier nanoTime, Duration before) {
        this.nanoTime = nanoTime;
        this.accumulated = before.toNanos();
    }

    static SeedClock system() {
        return new SeedClock(System::nanoTime);
    }

    static SeedClock system(Duration before) {
        return new SeedClock(System::nanoTime, before);
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

    /** Runs while the torrent seeds: starts on a move into SEEDING, stops on one out of it. */
    void follow(Lifecycle.Move move) {
        if (move.next() == TorrentState.SEEDING) {
            start();
        } else if (move.previous() == TorrentState.SEEDING) {
            stop();
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
