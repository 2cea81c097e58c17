package dev.shoal.portmap.api;

import org.osgi.annotation.versioning.ProviderType;

/** Port mapping as readers see it: registered while the bundle runs, enabled or not. */
@ProviderType
public interface PortMapper {

    /** A snapshot; cheap (no router is asked), so a window may ask every refresh. */
    PortMapStatus status();

    /**
     * Whether the peer port is reachable, from the peers connected now and {@link #status()}; it
     * looks at every torrent's peers (no router is asked), so it costs about what listing them does.
     *
     * @since 1.1
     */
    Connectivity connectivity();
}
