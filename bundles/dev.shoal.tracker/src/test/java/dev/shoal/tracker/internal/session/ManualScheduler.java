package dev.shoal.tracker.internal.session;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/** A scheduler on a clock that moves only when the test says so; tasks run on the test's thread. */
final class ManualScheduler implements Scheduler {

    private record Task(Instant due, long order, Runnable body, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> {
        int byTime = a.due().compareTo(b.due());
        return byTime != 0 ? byTime : Long.compare(a.order(), b.order());
    });
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long order;
    /** Tasks scheduled so far: each would wake the announcer's thread. */
    long scheduled;

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        scheduled++;
        boolean[] cancelled = {false};
        tasks.add(new Task(now.plus(delay), order++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs everything due now, including what those tasks schedule for now. */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves the clock forward, running each task at its due time. */
    void advance(Duration duration) {
        Instant end = now.plus(duration);
        while (!tasks.isEmpty() && !tasks.peek().due().isAfter(end)) {
            Task task = tasks.poll();
            now = task.due().isAfter(now) ? task.due() : now;
            if (!task.cancelled()[0]) {
                task.body().run();
            }
        }
        now = end;
    }
}
