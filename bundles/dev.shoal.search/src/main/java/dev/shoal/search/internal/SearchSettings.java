package dev.shoal.search.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search service's configuration, checked: values outside their range are brought into it,
 * with a warning, rather than refused, so a typo in a configuration file cannot turn searching off.
 *
 * @param timeout                 how long each provider may take, unless a search says otherwise
 * @param maxBusyCallsPerProvider how many abandoned calls a provider may still be stuck in before
 *                                it is not asked any more (each holds a thread)
 * @param maxRunningSearches      how many searches may run at once; starting one more cancels the oldest
 */
record SearchSettings(Duration timeout, int maxBusyCallsPerProvider, int maxRunningSearches) {

    static final int MAX_TIMEOUT_SECONDS = 600;
    static final int MAX_BUSY_CALLS = 100;
    static final int MAX_RUNNING_SEARCHES = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(SearchSettings.class);

    static SearchSettings defaults() {
        return of(20, 2, 16);
    }

    static SearchSettings of(int timeoutSeconds, int maxBusyCallsPerProvider, int maxRunningSearches) {
        return new SearchSettings(Duration.ofSeconds(within("timeoutSeconds", timeoutSeconds, 1, MAX_TIMEOUT_SECONDS)),
                within("maxBusyCallsPerProvider", maxBusyCallsPerProvider, 1, MAX_BUSY_CALLS),
                within("maxRunningSearches", maxRunningSearches, 1, MAX_RUNNING_SEARCHES));
    }

    private static int within(String name, int value, int min, int max) {
        int bounded = Math.max(min, Math.min(max, value));
        if (bounded != value) {
            LOG.warn("search: {} {} is outside {}..{}; using {}", name, value, min, max, bounded);
        }
        return bounded;
    }
}
