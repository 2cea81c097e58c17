package dev.shoal.engine.api;

import dev.shoal.metainfo.InfoHash;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Downloads and seeds torrents. */
@ProviderType
public interface Engine {

    /**
     * Adds a torrent and starts it (unless {@link AddTorrent#paused()}): it is checked against the
     * files in its download directory, then downloads and seeds. Returns at once.
     *
     * @throws EngineException when the torrent is already added, or its files cannot be opened
     */
    Torrent add(AddTorrent request) throws EngineException;

    /** The torrents added, in the order they were added. */
    List<Torrent> torrents();

    Optional<Torrent> torrent(InfoHash infoHash);

    /** Sums over every torrent. */
    EngineTotals totals();

    /** Limits over every torrent together. */
    void setGlobalRateLimits(RateLimits limits);

    RateLimits globalRateLimits();

    /** The TCP port peers reach us on. */
    int listenPort();

    /**
     * Listens for peers on {@code port} from now on (0 picks a free one); open connections stay.
     *
     * @throws EngineException when the port cannot be bound; the old one stays in use
     */
    void setListenPort(int port) throws EngineException;
}
