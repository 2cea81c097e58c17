package dev.shoal.search.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How to search, besides the words.
 *
 * @param categories the categories wanted; empty for all
 * @param providers  the ids of the providers to ask; empty for all. Providers themselves are
 *                   only ever asked when chosen, so they may ignore this.
 * @param limit      at most this many results per provider, and in the merged list
 * @param sort       the merged list's order
 * @param timeout    how long each provider may take; {@code null} for the service's configured one
 */
public record SearchOptions(Set<SearchCategory> categories, Set<String> providers, int limit, SearchSort sort,
        Duration timeout) {

    /** The largest {@link #limit} allowed: what a person can read, and a bound on memory. */
    public static final int MAX_LIMIT = 1_000;

    public static final int DEFAULT_LIMIT = 100;

    public SearchOptions {
        categories = Set.copyOf(Objects.requireNonNull(categories, "categories"));
        providers = Set.copyOf(Objects.requireNonNull(providers, "providers"));
        Objects.requireNonNull(sort, "sort");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
    }

    /** All categories, all providers, {@value #DEFAULT_LIMIT} results, most seeders first, the configured timeout. */
    public static SearchOptions defaults() {
        return new SearchOptions(Set.of(), Set.of(), DEFAULT_LIMIT, SearchSort.SEEDERS, null);
    }

    public SearchOptions withCategories(Set<SearchCategory> categories) {
        return new SearchOptions(categories, providers, limit, sort, timeout);
    }

    public SearchOptions withProviders(Set<String> providers) {
        return new SearchOptions(categories, providers, limit, sort, timeout);
    }

    public SearchOptions withLimit(int limit) {
        return new SearchOptions(categories, providers, limit, sort, timeout);
    }

    public SearchOptions withSort(SearchSort sort) {
        return new SearchOptions(categories, providers, limit, sort, timeout);
    }

    public SearchOptions withTimeout(Duration timeout) {
        return new SearchOptions(categories, providers, limit, sort, timeout);
    }

    /** True when {@code category} is wanted: listed, or no categories named at all. */
    public boolean wants(SearchCategory category) {
        return categories.isEmpty() || categories.contains(category);
    }
}
