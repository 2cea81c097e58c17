package dev.shoal.dht.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The DHT node, as readers see it. Registered while the DHT bundle runs, whether or not the node is
 * enabled (disabled, its status says {@link DhtStatus#OFF}).
 */
@ProviderType
public interface Dht {

    /** The node's figures now; cheap (counts kept by the node), so a window may ask every refresh. */
    DhtStatus status();
}
