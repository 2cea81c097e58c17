package dev.shoal.search.internal;

import dev.shoal.search.api.ProviderOutcome;
import dev.shoal.search.api.ProviderOutcome.Status;
import dev.shoal.search.api.ResultSink;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchResult;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's part of one search: its own thread, and the sink it delivers to. The call ends
 * once: when the provider returns or throws, or when the search gives up on it (time out, cancel,
 * the provider going away); whoever comes first decides the outcome. Given up on, the thread is
 * interrupted and what it delivers after is dropped; if it is still inside the provider, the
 * provider counts it as busy until it comes back.
 *
 * <p>Past the limit an offer costs a volatile read and a counter, so a provider that floods
 * spins on its own thread and never holds the search's lock again.
 */
final class ProviderCall implements ResultSink {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCall.class);

    private final Registered provider;
    private final Search search;
    private final String query;
    private final SearchOptions options;
    private final Thread thread;
    private final long start = System.nanoTime();
    /** Offers refused because the limit was reached. */
    private final LongAdder dropped = new LongAdder();
    /** Written under the search's lock; read without it to refuse offers fast. */
    private volatile Status status = Status.RUNNING;
    private volatile boolean full;
    /** Guarded by the search's lock. */
    private String reason;
    private int kept;
    private long end;

    ProviderCall(Registered provider, Search search, String query, SearchOptions options) {
        this.provider = provider;
        this.search = search;
        this.query = query;
        this.options = options;
        this.thread = SearchComponent.thread(this::run, "shoal-search-" + provider.id());
        // Libraries a plugin uses (XML, HTTP clients) may look for their implementations through the
        // context class loader: make it the plugin's, not that of whoever started the search.
        thread.setContextClassLoader(provider.provider().getClass().getClassLoader());
    }

    Registered provider() {
        return provider;
    }

    void start() {
        provider.started(this);
        if (status != Status.RUNNING) {
            // Given up on already, and settle() may have run before started() above.
            provider.finished(this);
        }
        // Started even so: the thread, finding the call given up on, skips the provider and counts the
        // abandoned call back, as every abandoned call's thread does.
        try {
            thread.start();
        } catch (OutOfMemoryError e) {
            returned(e);
        }
    }

    /** Ends the call without asking the provider (it is still stuck in earlier searches). */
    void skip(String why) {
        settle(Status.FAILED, why, false);
    }

    /** Gives up on the call, unless it ended already: the outcome is {@code status}, the thread interrupted. */
    void abandon(Status status, String why) {
        settle(status, why, true);
    }

    private void run() {
        Throwable failure = null;
        try {
            if (status == Status.RUNNING) {
                provider.provider().search(query, options, this);
            }
        } catch (Throwable e) {
            // Whatever a plugin throws, errors included, ends its own part of the search and nothing else.
            failure = e;
        }
        returned(failure);
    }

    private void returned(Throwable failure) {
        boolean settled = failure == null ? settle(Status.DONE, null, false)
                : settle(Status.FAILED, Texts.failure(failure), false);
        if (!settled) {
            provider.abandonedReturned();
            LOG.debug("search provider {} returned after it was given up on{}", provider.id(),
                    failure == null ? "" : ", with " + failure);
        } else if (failure != null) {
            LOG.warn("search provider {} failed: {}", provider.id(), Texts.failure(failure));
            LOG.debug("search provider {} failed", provider.id(), failure);
        }
    }

    private boolean settle(Status outcome, String why, boolean abandoning) {
        synchronized (search.lock) {
            if (status != Status.RUNNING) {
                return false;
            }
            status = outcome;
            reason = why;
            end = System.nanoTime();
            if (abandoning) {
                // Counted before the thread can see it was given up on, so the count never dips below zero.
                provider.abandoned();
            }
        }
        if (abandoning) {
            thread.interrupt();
        }
        provider.finished(this);
        search.callFinished(this);
        return true;
    }

    @Override
    public boolean offer(SearchResult result) {
        if (full) {
            dropped.increment();
            return false;
        }
        if (status != Status.RUNNING) {
            return false;
        }
        if (result == null) {
            return true;
        }
        boolean more;
        synchronized (search.lock) {
            if (status != Status.RUNNING) {
                return false;
            }
            if (kept >= options.limit()) {
                dropped.increment();
                return false;
            }
            search.merge.add(result, provider.id());
            kept++;
            more = kept < options.limit();
            full = !more;
        }
        search.hitsChanged();
        return more;
    }

    @Override
    public boolean cancelled() {
        return status != Status.RUNNING;
    }

    ProviderOutcome outcome() {
        synchronized (search.lock) {
            long elapsed = (status == Status.RUNNING ? System.nanoTime() : end) - start;
            return new ProviderOutcome(provider.id(), provider.name(), status, kept, message(),
                    Duration.ofNanos(elapsed));
        }
    }

    private String message() {
        long past = dropped.sum();
        if (past == 0) {
            return reason;
        }
        String drops = past + (past == 1 ? " result" : " results") + " past the limit of " + options.limit()
                + " dropped";
        return reason == null ? drops : reason + "; " + drops;
    }
}
