package dev.shoal.search.internal;

import dev.shoal.search.api.ProviderOutcome;
import dev.shoal.search.api.ProviderOutcome.Status;
import dev.shoal.search.api.SearchHit;
import dev.shoal.search.api.SearchListener;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One search: a {@link ProviderCall} per provider asked, all started at once and all given up on
 * when the timeout passes, and the {@link Merge} of what they deliver. Done once every call ended,
 * which is at the latest the timeout: a provider that does not return is abandoned, not waited for.
 */
final class Search implements SearchSession {

    /** Guards the merge and every call's state. */
    final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    final Merge merge;

    private final String query;
    private final SearchOptions options;
    private final Duration timeout;
    /** In provider name order. */
    private final List<ProviderCall> calls;
    private final Notifier notifier;
    private final Consumer<Search> whenDone;
    /** The calls not ended yet, and one more held by {@link #start} until everything is started. */
    private final AtomicInteger unfinished;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile ScheduledFuture<?> expiry;

    /**
     * @param providers those to ask, in name order
     * @param events    where the listener is called
     * @param whenDone  told once, when the search is done
     */
    Search(String query, SearchOptions options, Duration timeout, List<Registered> providers,
            SearchListener listener, Executor events, Consumer<Search> whenDone) {
        this.query = query;
        this.options = options;
        this.timeout = timeout;
        this.merge = new Merge(options.sort(), options.limit());
        this.calls = providers.stream().map(p -> new ProviderCall(p, this, query, options)).toList();
        this.notifier = new Notifier(listener == null ? new SearchListener() { } : listener, this, events);
        this.whenDone = whenDone;
        this.unfinished = new AtomicInteger(calls.size() + 1);
    }

    /**
     * Starts every call, except those of providers still stuck in {@code maxBusy} abandoned calls,
     * which end at once as failed; the timeout starts now.
     */
    void start(int maxBusy, ScheduledExecutorService timer) {
        for (ProviderCall call : calls) {
            int busy = call.provider().busy();
            if (busy >= maxBusy) {
                call.skip("not asked: still stuck in " + busy + " earlier " + (busy == 1 ? "search" : "searches"));
            } else {
                call.start();
            }
        }
        expiry = timer.schedule(this::expire, Texts.nanos(timeout), TimeUnit.NANOSECONDS);
        callEnded();
    }

    private void expire() {
        for (ProviderCall call : calls) {
            call.abandon(Status.TIMED_OUT, "timed out after " + Texts.seconds(timeout));
        }
    }

    /** Gives up on every call still running; their outcomes say {@code why}. */
    void cancel(String why) {
        for (ProviderCall call : calls) {
            call.abandon(Status.CANCELLED, why);
        }
    }

    void hitsChanged() {
        notifier.hitsChanged();
    }

    void callFinished(ProviderCall call) {
        notifier.providerFinished(call.outcome());
        callEnded();
    }

    private void callEnded() {
        if (unfinished.decrementAndGet() == 0) {
            ScheduledFuture<?> timer = expiry;
            if (timer != null) {
                timer.cancel(false);
            }
            // The service forgets the search before anyone waiting hears it is done.
            whenDone.accept(this);
            done.countDown();
            notifier.finished();
        }
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public SearchOptions options() {
        return options;
    }

    @Override
    public List<SearchHit> hits() {
        synchronized (lock) {
            return merge.hits();
        }
    }

    @Override
    public List<ProviderOutcome> outcomes() {
        return calls.stream().map(ProviderCall::outcome).toList();
    }

    @Override
    public boolean done() {
        return done.getCount() == 0;
    }

    @Override
    public void cancel() {
        cancel("cancelled");
    }

    @Override
    public boolean await(Duration wait) throws InterruptedException {
        return done.await(Texts.nanos(wait), TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "search \"" + query + "\"";
    }
}
