package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.internal.handler.ConnectionBounds;
import dev.shoal.peer.internal.handler.HostKeys;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Dials in progress of every swarm together (from the connect until the peer's handshake), bounded in
 * total and per host (an IPv4 address, an IPv6 /64: {@link HostKeys}): a tracker handing out one host
 * under a thousand ports must not make us flood it, nor a swarm of dead addresses tie up every socket. The bounds change live; dials over a
 * lowered bound finish as they would. Thread-safe.
 */
final class HalfOpen {

    private volatile ConnectionBounds bounds;
    private final Map<InetAddress, Integer> byAddress = new HashMap<>();
    private int total;

    HalfOpen(ConnectionBounds bounds) {
        this.bounds = bounds;
    }

    void setBounds(ConnectionBounds value) {
        bounds = value;
    }

    /** Takes a dial slot for {@code address}; false when a bound is reached. */
    synchronized boolean tryAcquire(InetAddress address) {
        ConnectionBounds now = bounds;
        InetAddress host = HostKeys.of(address);
        if (total >= now.total() || byAddress.getOrDefault(host, 0) >= now.perAddress()) {
            return false;
        }
        total++;
        byAddress.merge(host, 1, Integer::sum);
        return true;
    }

    /** The dial to {@code address} ended, connected or not. */
    synchronized void release(InetAddress address) {
        total--;
        byAddress.computeIfPresent(HostKeys.of(address), (key, count) -> count > 1 ? count - 1 : null);
    }

    synchronized int total() {
        return total;
    }
}
