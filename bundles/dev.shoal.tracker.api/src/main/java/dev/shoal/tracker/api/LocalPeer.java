package dev.shoal.tracker.api;

import java.util.Arrays;

/**
 * How this client introduces itself to trackers.
 *
 * @param peerId 20 bytes (copied in and out)
 * @param port   the port peers connect to, 0..65535
 */
public record LocalPeer(byte[] peerId, int port) {

    public LocalPeer {
        if (peerId.length != AnnounceRequest.PEER_ID_LENGTH) {
            throw new IllegalArgumentException("a peer id has 20 bytes, not " + peerId.length);
        }
        if (port < 0 || port > AnnounceRequest.MAX_PORT) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
        peerId = peerId.clone();
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalPeer other && port == other.port && Arrays.equals(peerId, other.peerId);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(peerId) + port;
    }

    @Override
    public String toString() {
        return "LocalPeer[port " + port + "]";
    }
}
