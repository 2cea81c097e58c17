package dev.shoal.portmap.api;

import org.osgi.annotation.versioning.ProviderType;

/** Port mapping as readers see it: registered while the bundle runs, enabled or not. */
@ProviderType
public interface PortMapper {

    /** A snapshot; cheap (no router is asked), so a window may ask every refresh. */
    PortMapStatus status();

    /**
     * Whether the peer port is reachable, from the peers connected and {@link #status()}; no router
     * is asked. The peers may be seconds old (walking every torrent's peers is not done at each call);
     * a change of the mappings or the port is weighed at once.
     *
     * @since 1.1
     */
    Connectivity connectivity();
}
