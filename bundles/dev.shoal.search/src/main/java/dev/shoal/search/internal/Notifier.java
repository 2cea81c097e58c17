package dev.shoal.search.internal;

import dev.shoal.search.api.ProviderOutcome;
import dev.shoal.search.api.SearchListener;
import dev.shoal.search.api.SearchSession;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells one search's listener what happened, one call at a time, on the service's event threads:
 * never on a provider's thread, so a slow listener holds up no provider and a provider never runs
 * listener code. Changes of the hits are folded into one call (a provider delivering a thousand
 * results in a burst causes a few calls, not a thousand); a provider's outcome is told after the
 * hits it delivered, and {@code finished} last. A listener that throws is logged and told the rest.
 */
final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final Object FINISHED = new Object();

    private final SearchListener listener;
    private final SearchSession search;
    private final Executor executor;
    private final AtomicBoolean hitsChanged = new AtomicBoolean();
    /** Outcomes, then {@link #FINISHED}: at most one per provider and one more. */
    private final Queue<Object> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    Notifier(SearchListener listener, SearchSession search, Executor executor) {
        this.listener = listener;
        this.search = search;
        this.executor = executor;
    }

    void hitsChanged() {
        if (!hitsChanged.getAndSet(true)) {
            schedule();
        }
    }

    void providerFinished(ProviderOutcome outcome) {
        events.add(outcome);
        schedule();
    }

    void finished() {
        events.add(FINISHED);
        schedule();
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // The service is stopping: nobody is told anything more.
                LOG.debug("search \"{}\": listener not told, the service stopped", search.query());
            }
        }
    }

    private void drain() {
        try {
            while (true) {
                Object event = events.poll();
                // Hits first: whatever a provider delivered was marked before its outcome was queued.
                if (hitsChanged.getAndSet(false)) {
                    tell("hitsChanged", () -> listener.hitsChanged(search));
                }
                if (event == null) {
                    break;
                }
                if (event == FINISHED) {
                    tell("finished", () -> listener.finished(search));
                } else {
                    ProviderOutcome outcome = (ProviderOutcome) event;
                    tell("providerFinished", () -> listener.providerFinished(search, outcome));
                }
            }
        } finally {
            draining.set(false);
        }
        if (hitsChanged.get() || !events.isEmpty()) {
            schedule();
        }
    }

    private void tell(String what, Runnable call) {
        try {
            call.run();
        } catch (Throwable e) {
            // Errors too: one thrown out of here would leave the search's later events untold.
            LOG.warn("search \"{}\": the listener's {} threw; ignored", search.query(), what, e);
        }
    }
}
