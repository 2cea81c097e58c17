package dev.shoal.search.api;

import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A place to search for torrents: an index's API, a feed, a folder. Register an implementation as
 * an OSGi service and every search Shoal runs asks it (whiteboard); unregister it and it is gone.
 *
 * <p>Shoal calls {@link #search} on a thread of its own for each search, so a provider may block
 * (on HTTP, say) and deliver results as they come. When the user cancels or the provider's time
 * is up, {@link ResultSink#cancelled()} turns true and the thread is interrupted; a provider that
 * keeps going anyway is abandoned and what it delivers later is dropped. Whatever a provider does
 * (throw, hang, flood) touches only its own results.
 */
@ConsumerType
public interface SearchProvider {

    /**
     * A short, stable, unique name: lower-case letters, digits, '.', '-' and '_' ({@code torznab.jackett},
     * {@code local}); what {@code shoal:search --provider} takes.
     */
    String id();

    /** What users see, e.g. "Jackett: Linux ISOs". */
    String name();

    /** What this provider can find; a search for other categories only does not ask it. */
    Set<SearchCategory> categories();

    /**
     * Searches for {@code query} (the user's words, never blank) and offers each result to
     * {@code sink}, at most {@code options.limit()} of them. Returns when done; throws to report a
     * failure, with a message a user can act on (the index's error text, "HTTP 401: wrong API key").
     */
    void search(String query, SearchOptions options, ResultSink sink) throws Exception;
}
