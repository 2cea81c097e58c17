package dev.shoal.peer.api;

import java.net.InetSocketAddress;
import org.osgi.annotation.versioning.ConsumerType;

/** What a swarm tells its owner. Called on network threads: return quickly, never block. */
@ConsumerType
public interface SwarmListener {

    SwarmListener NONE = new SwarmListener() {
    };

    /** Connection slots are free and no candidate is left to dial: a tracker announce would help. */
    default void peersWanted() {
    }

    /** A peer was disconnected and will not be dialled or accepted again, and why. */
    default void peerBanned(InetSocketAddress address, String reason) {
    }
}
