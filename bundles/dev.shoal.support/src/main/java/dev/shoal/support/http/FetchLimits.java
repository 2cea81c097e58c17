package dev.shoal.support.http;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What one GET may cost.
 *
 * @param deadline   when the whole answer must have arrived
 * @param maxBytes   the most body bytes read before the transfer is cut
 * @param cancelled  true once the caller wants no more (a search's {@code ResultSink::cancelled})
 * @param whenTooLarge what a user can do about an answer over {@code maxBytes}, or what it means
 *                   ("raise maxResponseKiB if it is right", "too large for a torrent file"); blank for nothing
 */
public record FetchLimits(Deadline deadline, long maxBytes, BooleanSupplier cancelled, String whenTooLarge) {

    public FetchLimits {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(cancelled, "cancelled");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, not " + maxBytes);
        }
        whenTooLarge = whenTooLarge == null ? "" : whenTooLarge.strip();
    }

    /** " (" + {@link #whenTooLarge} + ")", or "" when it says nothing: the end of a too-large message. */
    String tooLargeAdvice() {
        return whenTooLarge.isEmpty() ? "" : " (" + whenTooLarge + ")";
    }
}
