package dev.shoal.engine.api;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import java.nio.file.Path;
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

    /**
     * Adds a torrent by its magnet link and starts it (unless {@link AddMagnet#paused()}): in
     * {@link TorrentState#METADATA} it fetches the info dictionary from the link's peers ({@code x.pe}),
     * its trackers ({@code tr}) and the peer sources; the engine then keeps it as a torrent file, and
     * it is checked, downloads and seeds as one added from that file. Returns at once.
     *
     * @throws EngineException when the torrent is already added, or the link has no v1 info-hash
     * @since 2.0
     */
    Torrent add(AddMagnet request) throws EngineException;

    /**
     * What {@link #add(AddMagnet)} gets for {@code magnet} when the caller says nothing more.
     *
     * @since 2.0
     */
    AddMagnet defaults(MagnetLink magnet);

    /**
     * What {@link #add} gets for {@code metainfo} when the caller says nothing more: the configured
     * download directory and seed goal, no limits of its own, started.
     */
    AddTorrent defaults(Metainfo metainfo);

    /** Where new torrents' files go unless the caller says otherwise (configured; free space shown there). */
    Path downloadDirectory();

    /**
     * Finds a torrent as a person names it: by its {@linkplain Torrent#id() short id}, else by its
     * info-hash in hex or a unique prefix of it (at least 4 digits, any case).
     *
     * @throws EngineException with a one-line reason when none or several match
     */
    Torrent find(String idOrInfoHashPrefix) throws EngineException;

    /**
     * The torrents added, in queue order. The engine keeps them in its data directory: after a restart
     * they are back, each in its state, with the data its resume records vouch for.
     */
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
