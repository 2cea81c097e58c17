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

    /** Peers to dial (from trackers, the magnet link, the user); known and refused ones are ignored. */
    void addPeers(Collection<InetSocketAddress> peers);

    MetadataProgress progress();

    /** Stops fetching and closes every connection; the listener hears nothing more. */
    @Override
    void close();
}
