package dev.shoal.engine.api;

import dev.shoal.metainfo.InfoHash;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Finds peers beside the trackers: a DHT, local service discovery, a list kept by hand. Register
 * an implementation as a service and the engine asks it for every public torrent it runs
 * (whiteboard); unregister it and its lookups are closed.
 *
 * <p>Never asked for private torrents (BEP 27: their peers come from their trackers alone).
 */
@ConsumerType
public interface PeerSource {

    /** A short name for logs, e.g. "dht". */
    String name();

    /**
     * Starts looking for peers of {@code infoHash}, when its torrent starts downloading or seeding.
     * Returns at once: deliver what is found to {@code sink}, from any thread, as often as there is
     * news, until the engine closes the returned lookup (when the torrent stops, or this source
     * goes away).
     *
     * @param listenPort where this engine accepts peers, for sources that announce it
     */
    PeerLookup lookup(InfoHash infoHash, int listenPort, PeerSink sink);
}
