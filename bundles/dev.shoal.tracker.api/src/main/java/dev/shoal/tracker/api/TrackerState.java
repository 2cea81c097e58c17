package dev.shoal.tracker.api;

/** Where one tracker of a session stands. */
public enum TrackerState {
    /** Not contacted yet (a later tier, or the session just started). */
    NOT_CONTACTED,
    /** A request is on its way. */
    ANNOUNCING,
    /** The last announce succeeded. */
    WORKING,
    /** The last announce failed; it is retried after a backoff. */
    FAILING
}
