package dev.shoal.tracker.api;

/** The {@code event} of an announce (BEP 3). */
public enum AnnounceEvent {
    /** A regular, periodic announce. */
    NONE,
    /** The first announce of a torrent to a tracker. */
    STARTED,
    /** The download finished; sent once, and not when the torrent was complete from the start. */
    COMPLETED,
    /** The torrent stops; the tracker may forget this peer. */
    STOPPED
}
