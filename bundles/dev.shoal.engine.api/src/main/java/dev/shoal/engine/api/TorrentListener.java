package dev.shoal.engine.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears of torrents' lives. Register as a service: the engine calls every registered listener
 * (whiteboard). Called on the engine's threads: return quickly, never block (hand slow work, a
 * script to run on completion say, to a thread of your own). A listener that throws is logged and
 * the others still hear.
 *
 * <p>{@link #completed} and {@link #failed} are the two moves plugins act on most, named so they
 * need not pick them out of {@link #stateChanged}; they come right after it.
 */
@ConsumerType
public interface TorrentListener {

    default void added(Torrent torrent) {
    }

    /** The torrent moved from {@code previous} to {@code status.state()}. */
    default void stateChanged(Torrent torrent, TorrentState previous, TorrentStatus status) {
    }

    default void removed(Torrent torrent) {
    }

    /**
     * The download finished here: every wanted piece is verified (DOWNLOADING to SEEDING, or to
     * FINISHED when the seed goal is already met). Not heard for a torrent a check finds complete.
     */
    default void completed(Torrent torrent, TorrentStatus status) {
    }

    /** The torrent stopped on a failure (moved to ERROR); {@link TorrentStatus#error()} says which. */
    default void failed(Torrent torrent, TorrentStatus status) {
    }
}
