package dev.shoal.tracker.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives what an {@link AnnounceSession} learns. Called on the announcer's scheduling thread:
 * hand work off instead of blocking.
 */
@ConsumerType
public interface AnnounceListener {

    /** A tracker answered with these peers (possibly none). */
    void peersReceived(String trackerUrl, List<TrackerPeer> peers);

    /** The status of one tracker changed. */
    default void statusChanged(TrackerStatus status) {
    }
}
