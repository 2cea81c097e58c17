package dev.shoal.cli.internal;

import java.time.Duration;

/** A clock that moves only when slept on: a test of minutes runs in milliseconds. */
final class FakeTicker implements Ticker {

    private long now;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        now += duration.toNanos();
    }

    static long seconds(double s) {
        return (long) (s * 1e9);
    }
}
