package dev.shoal.search.api;

import java.util.List;
import java.util.Objects;

/**
 * One torrent in a search's merged list: what the providers that found it said, merged (the most
 * seeders wins; links and fields one left out come from another), and which providers those were.
 */
public record SearchHit(SearchResult result, List<String> providers) {

    public SearchHit {
        Objects.requireNonNull(result, "result");
        providers = List.copyOf(providers);
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("a hit comes from at least one provider");
        }
    }
}
