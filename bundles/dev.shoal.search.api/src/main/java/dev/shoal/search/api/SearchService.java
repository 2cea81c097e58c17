package dev.shoal.search.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Asks every {@link SearchProvider} at once and merges what they find. */
@ProviderType
public interface SearchService {

    /** The providers registered now, in name order. */
    List<ProviderInfo> providers();

    /**
     * Starts a search and returns at once; {@code listener} hears of its progress.
     *
     * @throws IllegalArgumentException when {@code query} is blank or longer than
     *                                  {@value #MAX_QUERY} characters, or the options name a provider
     *                                  that is not registered
     */
    SearchSession search(String query, SearchOptions options, SearchListener listener);

    /** The longest query taken. */
    int MAX_QUERY = 256;
}
