package dev.shoal.search.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears of a search's progress. Called on the search's threads, one call at a time per search:
 * return quickly (a UI posts to its own thread).
 */
@ConsumerType
public interface SearchListener {

    /** New hits arrived, or known ones gained providers; {@link SearchSession#hits()} has them all. */
    default void hitsChanged(SearchSession search) {
    }

    /** One provider finished, failed, timed out or was cancelled. */
    default void providerFinished(SearchSession search, ProviderOutcome outcome) {
    }

    /** Every provider has finished; nothing more will be heard. */
    default void finished(SearchSession search) {
    }
}
