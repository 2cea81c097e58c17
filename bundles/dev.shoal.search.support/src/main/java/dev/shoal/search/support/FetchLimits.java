package dev.shoal.search.support;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What one GET may cost.
 *
 * @param deadline  when the whole answer must have arrived
 * @param maxBytes  the most body bytes read before the transfer is cut
 * @param cancelled true once the caller wants no more (a search's {@code ResultSink::cancelled})
 */
public record FetchLimits(Deadline deadline, long maxBytes, BooleanSupplier cancelled) {

    public FetchLimits {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(cancelled, "cancelled");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, not " + maxBytes);
        }
    }

    /** The same limits with at most {@code maxBytes}: error bodies are read only that far. */
    public FetchLimits withMaxBytes(long maxBytes) {
        return new FetchLimits(deadline, Math.min(this.maxBytes, maxBytes), cancelled);
    }
}
