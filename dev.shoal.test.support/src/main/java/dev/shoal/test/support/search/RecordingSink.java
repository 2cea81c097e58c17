package dev.shoal.test.support.search;

import dev.shoal.search.api.ResultSink;
import dev.shoal.search.api.SearchResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ResultSink} for the providers' tests: keeps what it is offered, can refuse after a
 * number of results (as Shoal's sink does at the limit) and can be cancelled, by a test or by
 * itself once some results arrived.
 */
public final class RecordingSink implements ResultSink {

    private final List<SearchResult> results = new CopyOnWriteArrayList<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final int accept;
    private final int cancelAfter;

    private RecordingSink(int accept, int cancelAfter) {
        this.accept = accept;
        this.cancelAfter = cancelAfter;
    }

    public static RecordingSink unlimited() {
        return new RecordingSink(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** Takes {@code n} results, then answers false. */
    public static RecordingSink acceptingAtMost(int n) {
        return new RecordingSink(n, Integer.MAX_VALUE);
    }

    /** Turns cancelled once {@code n} results arrived. */
    public static RecordingSink cancellingAfter(int n) {
        return new RecordingSink(Integer.MAX_VALUE, n);
    }

    @Override
    public boolean offer(SearchResult result) {
        if (cancelled.get() || results.size() >= accept) {
            return false;
        }
        results.add(result);
        if (results.size() >= cancelAfter) {
            cancelled.set(true);
        }
        return results.size() < accept;
    }

    @Override
    public boolean cancelled() {
        return cancelled.get();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public List<SearchResult> results() {
        return List.copyOf(results);
    }

    public List<String> titles() {
        return results.stream().map(SearchResult::title).toList();
    }
}
