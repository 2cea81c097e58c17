package dev.shoal.peer.api;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.TorrentStorage;
import java.io.IOException;
import java.net.InetAddress;
import org.osgi.annotation.versioning.ProviderType;

/** The peer wire as a service: one listening port and one set of global limits for every swarm. */
@ProviderType
public interface SwarmService {

    /** Our 20-byte peer id for this run (copied). */
    byte[] peerId();

    /** The TCP port peers reach us on. */
    int listenPort();

    /**
     * The address the listening socket is bound to: a wildcard ({@link InetAddress#isAnyLocalAddress})
     * when it listens on every interface, else the one address peers reach us at (a VPN's, 127.0.0.1),
     * which services announcing us on a network (local service discovery) keep to; null while not
     * listening. It moves with {@link #listen} and the configuration, without a service event.
     *
     * @since 1.5
     */
    InetAddress listenAddress();

    /**
     * The most connections one torrent keeps (one swarm, or one metadata fetch): how many peers a
     * torrent can use at most, for those who find peers to know when it has enough. Changes live.
     *
     * @since 1.5
     */
    int connectionsPerTorrent();

    /**
     * Listens on {@code port} instead (0 picks a free one); open connections stay. On failure the
     * old port stays in use.
     *
     * @throws IOException when the port cannot be bound
     */
    void listen(int port) throws IOException;

    /**
     * Starts taking part in a torrent's swarm: answers its incoming peers, dials the peers it is
     * given, downloads what {@code storage} lacks and uploads what it has verified. The storage must
     * be ready (its startup check done); the caller forwards the storage's piece results to
     * {@link Swarm#pieceChecked} and closes the swarm before the storage.
     */
    Swarm join(Metainfo torrent, TorrentStorage storage, SwarmListener listener);

    /**
     * Starts fetching the info dictionary of {@code infoHash} (v1, or a v2 hash truncated as in the
     * handshake) from the peers given to the fetch and those that dial in for it: each offering
     * ut_metadata (BEP 9) is asked for 16 KiB pieces, and the whole is checked against the
     * info-hash before {@code listener} hears of it. Once done, the fetch leaves its connections to
     * the torrent's swarm, if {@link #join} starts it within a minute (else they close); the caller
     * closes the fetch when it gives up, and before joining the torrent's swarm.
     *
     * @since 1.3
     */
    MetadataFetch fetchMetadata(InfoHash infoHash, MetadataListener listener);

    /** Limits shared by every swarm, on top of each swarm's own. */
    void setGlobalRateLimits(RateLimits limits);

    RateLimits globalRateLimits();
}
