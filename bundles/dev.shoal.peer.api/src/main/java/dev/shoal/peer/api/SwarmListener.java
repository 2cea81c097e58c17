package dev.shoal.peer.api;

import dev.shoal.storage.api.StorageException;
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

    /**
     * A block could not be written (disk full, permission, I/O): the swarm cannot make progress
     * until the cause is fixed; its owner should stop it and tell the user.
     */
    default void writeFailed(StorageException failure) {
    }

    /** A peer was disconnected and will not be dialled or accepted again, and why. */
    default void peerBanned(InetSocketAddress address, String reason) {
    }
}
