package dev.shoal.storage.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Learns the outcome of every piece hash check, so the engine can announce HAVE or ban the peers that
 * sent bad data. Called on the storage's disk thread: it must return quickly and must not wait on the
 * storage.
 */
@ConsumerType
@FunctionalInterface
public interface PieceListener {

    /** A listener that ignores everything. */
    PieceListener NONE = result -> { };

    /** A piece was hashed: verified or failed its hash. */
    void pieceChecked(PieceResult result);

    /** A write or read failed outside any caller's stage (for example while preallocating). */
    default void storageFailed(StorageException failure) {
    }
}
