package dev.shoal.search.internal;

import dev.shoal.search.api.ProviderOutcome;
import dev.shoal.search.api.SearchListener;
import dev.shoal.search.api.SearchSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Writes down what it hears, and whether it was ever called twice at once. */
class RecordingListener implements SearchListener {

    private final List<String> events = new ArrayList<>();
    private final AtomicInteger inside = new AtomicInteger();
    private volatile boolean overlapped;
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public void hitsChanged(SearchSession search) {
        record("hits " + search.hits().size());
    }

    @Override
    public void providerFinished(SearchSession search, ProviderOutcome outcome) {
        record(outcome.providerId() + " " + outcome.status());
    }

    @Override
    public void finished(SearchSession search) {
        record("finished");
        finished.countDown();
    }

    private void record(String event) {
        if (inside.incrementAndGet() > 1) {
            overlapped = true;
        }
        try {
            // Long enough for a second call, were the calls not one at a time, to come in meanwhile.
            Thread.sleep(1);
            synchronized (events) {
                events.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inside.decrementAndGet();
        }
    }

    /** What it heard, once it heard {@code finished} (waiting for it at most 30 s). */
    List<String> events() throws InterruptedException {
        if (!finished.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("never heard finished; heard " + snapshot());
        }
        return snapshot();
    }

    List<String> snapshot() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    boolean overlapped() {
        return overlapped;
    }
}
