package dev.shoal.search.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a provider delivers results while it searches. Safe to call from any thread.
 */
@ProviderType
public interface ResultSink {

    /**
     * Delivers one result. Returns false once the search wants no more (cancelled, timed out, or
     * the provider reached the limit): stop searching then; later results are dropped.
     */
    boolean offer(SearchResult result);

    /** True once the search was cancelled or timed out; a provider polls this between requests. */
    boolean cancelled();
}
