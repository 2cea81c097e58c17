package dev.shoal.search.api;

import java.time.Duration;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** One running or finished search. */
@ProviderType
public interface SearchSession {

    String query();

    SearchOptions options();

    /** The merged hits so far, de-duplicated by info-hash and in the options' order, at most the limit. */
    List<SearchHit> hits();

    /** Every asked provider's outcome so far, in provider name order. */
    List<ProviderOutcome> outcomes();

    /** True once every provider finished. */
    boolean done();

    /** Stops the providers still searching; the hits so far stay. */
    void cancel();

    /** Waits until {@link #done()}, at most {@code timeout}; true when done. */
    boolean await(Duration timeout) throws InterruptedException;
}
