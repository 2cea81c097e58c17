package dev.shoal.engine.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears of torrents' lives. Register as a service: the engine calls every registered listener
 * (whiteboard). Called on the engine's threads: return quickly, never block.
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
}
