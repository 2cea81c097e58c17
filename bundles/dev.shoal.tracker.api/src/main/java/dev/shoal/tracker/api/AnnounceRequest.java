package dev.shoal.tracker.api;

import dev.shoal.metainfo.InfoHash;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client tells a tracker about one torrent (BEP 3, BEP 15).
 *
 * @param infoHash   the torrent; trackers take 20 bytes, so a v2 hash must be
 *                   {@linkplain InfoHash#truncated() truncated} first
 * @param peerId     this client's 20-byte peer id (copied in and out)
 * @param port       the port peers connect to, 0..65535
 * @param uploaded   bytes sent to peers since the torrent started
 * @param downloaded bytes received from peers since the torrent started
 * @param left       bytes still missing
 * @param event      why this announce is sent
 * @param numWant    how many peers are wanted; -1 lets the tracker choose
 * @param key        a random number fixed for the session, so the tracker recognises this client
 *                   when its IP address changes
 * @param trackerId  the {@code tracker id} the tracker sent last time, if any
 */
public record AnnounceRequest(InfoHash infoHash, byte[] peerId, int port, long uploaded, long downloaded,
        long left, AnnounceEvent event, int numWant, int key, Optional<String> trackerId) {

    public static final int PEER_ID_LENGTH = 20;
    public static final int MAX_PORT = 0xFFFF;

    public AnnounceRequest {
        Objects.requireNonNull(infoHash, "infoHash");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(trackerId, "trackerId");
        if (infoHash.bytes().length != InfoHash.V1_LENGTH) {
            throw new IllegalArgumentException("trackers take a 20-byte info-hash; truncate a v2 hash first");
        }
        if (peerId.length != PEER_ID_LENGTH) {
            throw new IllegalArgumentException("a peer id has 20 bytes, not " + peerId.length);
        }
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
        if (uploaded < 0 || downloaded < 0 || left < 0) {
            throw new IllegalArgumentException("uploaded, downloaded and left must not be negative");
        }
        if (numWant < -1) {
            throw new IllegalArgumentException("numWant is -1 (tracker's choice) or more: " + numWant);
        }
        peerId = peerId.clone();
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }

    /** The same request with another event. */
    public AnnounceRequest withEvent(AnnounceEvent newEvent) {
        return new AnnounceRequest(infoHash, peerId, port, uploaded, downloaded, left, newEvent, numWant, key,
                trackerId);
    }

    /** The same request carrying the tracker id a tracker handed out. */
    public AnnounceRequest withTrackerId(Optional<String> newTrackerId) {
        return new AnnounceRequest(infoHash, peerId, port, uploaded, downloaded, left, event, numWant, key,
                newTrackerId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnnounceRequest other && infoHash.equals(other.infoHash)
                && Arrays.equals(peerId, other.peerId) && port == other.port && uploaded == other.uploaded
                && downloaded == other.downloaded && left == other.left && event == other.event
                && numWant == other.numWant && key == other.key && trackerId.equals(other.trackerId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(infoHash, Arrays.hashCode(peerId), port, uploaded, downloaded, left, event, numWant,
                key, trackerId);
    }

    @Override
    public String toString() {
        return "AnnounceRequest[" + infoHash + ", port " + port + ", left " + left + ", " + event + "]";
    }
}
