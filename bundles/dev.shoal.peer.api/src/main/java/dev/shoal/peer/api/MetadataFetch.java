package dev.shoal.peer.api;

import java.net.InetSocketAddress;
import java.util.Collection;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Fetching a torrent's info dictionary from its peers (BEP 9, ut_metadata), for a magnet link. Every
 * method returns at once and is safe from any thread.
 *
 * @since 1.3
 */
@ProviderType
public interface MetadataFetch extends AutoCloseable {

    /**
     * Peers to dial, from {@code source} (as {@link Swarm#addPeers(Collection, String)} names it: the
     * magnet link, a tracker, a peer source); known and refused ones are ignored.
     *
     * @since 1.4
     */
    void addPeers(Collection<InetSocketAddress> peers, String source);

    /** Peers from a tracker: {@link #addPeers(Collection, String)} with {@link PeerInfo#TRACKER}. */
    default void addPeers(Collection<InetSocketAddress> peers) {
        addPeers(peers, PeerInfo.TRACKER);
    }

    MetadataProgress progress();

    /** Stops fetching and closes every connection; the listener hears nothing more. */
    @Override
    void close();
}
