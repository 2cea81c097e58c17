package dev.shoal.engine.internal;

import dev.shoal.tracker.api.TrackerPeer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;

/**
 * Drops ourselves from a tracker's peer list: trackers (opentracker among them) hand the caller its
 * own address back. It is ours when it has our listening port and an address of this host.
 */
final class OwnAddress {

    private OwnAddress() {
    }

    static List<InetSocketAddress> others(List<TrackerPeer> peers, int ourPort) {
        return peers.stream().map(TrackerPeer::address).filter(address -> !isSelf(address, ourPort)).toList();
    }

    static boolean isSelf(InetSocketAddress address, int ourPort) {
        return address.getPort() == ourPort && address.getAddress() != null && isThisHost(address.getAddress());
    }

    static boolean isThisHost(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
