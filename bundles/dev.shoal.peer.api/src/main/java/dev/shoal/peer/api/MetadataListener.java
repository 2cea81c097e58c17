package dev.shoal.peer.api;

import dev.shoal.metainfo.InfoHash;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a {@link MetadataFetch} tells its owner. Called on network threads: return quickly, never
 * block.
 *
 * @since 1.3
 */
@ConsumerType
public interface MetadataListener {

    /**
     * The info dictionary arrived whole and its SHA-1 is the info-hash: a torrent can be made of it.
     * Called at most once per fetch. The fetch's connections are left by then, for a minute, to the
     * swarm the next {@link SwarmService#join} of this info-hash starts, which goes on with them
     * instead of dialling those peers again; unclaimed, they close.
     *
     * @param infoHash the info-hash fetched
     * @param info     the bencoded info dictionary, exactly as the peers sent it (the caller's copy)
     */
    void metadataReceived(InfoHash infoHash, byte[] info);

    /** Every known peer was tried and none is connected: more peers (a tracker, DHT) would help. */
    default void peersWanted() {
    }
}
