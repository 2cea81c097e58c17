package dev.shoal.support.search;

import dev.shoal.support.http.FetchTimeoutException;
import dev.shoal.support.http.Redactor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeoutException;

/**
 * What a provider's {@code search} throws for a failed fetch. Fresh exceptions without causes:
 * the message is the whole story, and a cause's message could hold a secret the
 * {@link Redactor} never saw.
 */
public final class SearchFailures {

    private SearchFailures() {
    }

    /**
     * The exception to throw for {@code failure}, or {@code null} when the search was stopped (cancelled,
     * timed out by Shoal, or the provider closed) and should return quietly. A
     * {@link FetchTimeoutException} becomes a {@link TimeoutException}, which says "timed out" in
     * any language a caller checks types in.
     */
    public static Exception toThrow(IOException failure, boolean stopped, Redactor redactor) {
        String message = redactor.text(failure.getMessage());
        if (failure instanceof InterruptedIOException) {
            return stopped ? null : new InterruptedIOException(message);
        }
        if (failure instanceof FetchTimeoutException) {
            return new TimeoutException(message);
        }
        return new IOException(message);
    }
}
