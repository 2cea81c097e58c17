package dev.shoal.tracker.api;

import java.util.Objects;

/** Why a tracker gave no usable answer. */
public final class TrackerException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, so callers can tell a refusal from a dead tracker. */
    public enum Kind {
        /** The tracker answered with a {@code failure reason} (or a BEP 15 error); the message is its text. */
        TRACKER_FAILURE,
        /** Unreachable, connection lost, or no answer in time. */
        NETWORK,
        /** An answer came but could not be understood (bad bencode, wrong sizes, too large). */
        MALFORMED_RESPONSE,
        /** The request cannot be made: no scrape URL, no client for the scheme, a bad URL. */
        UNSUPPORTED
    }

    private final Kind kind;

    public TrackerException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public TrackerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
