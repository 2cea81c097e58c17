package dev.shoal.tracker.api;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A peer a tracker handed out.
 *
 * @param address its resolved IP address and port
 * @param peerId  its 20-byte peer id when the tracker sent one (the non-compact dictionary form)
 */
public record TrackerPeer(InetSocketAddress address, Optional<byte[]> peerId) {

    public TrackerPeer {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("a tracker peer has an IP address, not a host name: " + address);
        }
        if (peerId.isPresent() && peerId.get().length != AnnounceRequest.PEER_ID_LENGTH) {
            throw new IllegalArgumentException("a peer id has 20 bytes, not " + peerId.get().length);
        }
        peerId = peerId.map(byte[]::clone);
    }

    /** A peer known only by its address (the compact forms). */
    public static TrackerPeer of(InetSocketAddress address) {
        return new TrackerPeer(address, Optional.empty());
    }

    @Override
    public Optional<byte[]> peerId() {
        return peerId.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackerPeer other && address.equals(other.address)
                && peerId.isPresent() == other.peerId.isPresent()
                && (peerId.isEmpty() || Arrays.equals(peerId.get(), other.peerId.get()));
    }

    @Override
    public int hashCode() {
        return 31 * address.hashCode() + peerId.map(Arrays::hashCode).orElse(0);
    }

    @Override
    public String toString() {
        return "TrackerPeer[" + address + "]";
    }
}
