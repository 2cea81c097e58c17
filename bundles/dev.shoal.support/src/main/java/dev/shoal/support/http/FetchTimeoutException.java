package dev.shoal.support.http;

/** The server did not answer, or not completely, before the {@link Deadline}. */
public final class FetchTimeoutException extends FetchException {

    private static final long serialVersionUID = 1L;

    public FetchTimeoutException(String message) {
        super(message);
    }
}
