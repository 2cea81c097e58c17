package dev.shoal.peer.internal.handler;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.mina.core.session.IoSession;

/**
 * Incoming connections that have not completed their handshake, bounded in total and per host (an
 * IPv4 address, an IPv6 /64: {@link HostKeys}). When a bound is reached the <em>oldest</em> waiting
 * connection (of that host, or of all) makes room for the new one, so a host that opens sockets and says nothing cannot keep the
 * door shut; but only once it has waited {@link #MIN_WAIT_MILLIS}: a real peer's handshake is
 * through within milliseconds, and a burst of new connections must not push out one whose
 * handshake is on its way (then the newcomer is the one closed). Thread-safe: MINA's I/O threads
 * call it.
 */
public final class PendingHandshakes {

    /** How long a connection may wait for its handshake before a newcomer can push it out. */
    static final long MIN_WAIT_MILLIS = 1000;

    private final ConnectionBounds bounds;
    /** In arrival order, each with its address as it was when it came. */
    private final LinkedHashMap<IoSession, InetAddress> all = new LinkedHashMap<>();
    private final Map<InetAddress, ArrayDeque<IoSession>> byAddress = new HashMap<>();

    public PendingHandshakes(ConnectionBounds bounds) {
        this.bounds = bounds;
    }

    /**
     * A connection opened; the one returned (or null) must be closed to keep within the bounds: an
     * older one that waited long enough, or else this one, which then does not count.
     */
    synchronized IoSession enter(IoSession session) {
        InetAddress address = addressOf(session.getRemoteAddress());
        ArrayDeque<IoSession> same = byAddress.get(address);
        IoSession evicted = null;
        if (same != null && same.size() >= bounds.perAddress()) {
            evicted = same.peekFirst();
        } else if (all.size() >= bounds.total()) {
            evicted = all.keySet().iterator().next();
        }
        if (evicted != null) {
            if (session.getCreationTime() - evicted.getCreationTime() < MIN_WAIT_MILLIS) {
                return session;
            }
            leave(evicted);
        }
        byAddress.computeIfAbsent(address, key -> new ArrayDeque<>()).addLast(session);
        all.put(session, address);
        return evicted;
    }

    /** Its handshake is through, or it closed: it no longer counts. */
    synchronized void leave(IoSession session) {
        if (!all.containsKey(session)) {
            return;
        }
        InetAddress address = all.remove(session);
        ArrayDeque<IoSession> same = byAddress.get(address);
        if (same != null) {
            same.remove(session);
            if (same.isEmpty()) {
                byAddress.remove(address);
            }
        }
    }

    synchronized int size() {
        return all.size();
    }

    /** Sessions without an IP address (none in practice) share one bucket. */
    private static InetAddress addressOf(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null ? HostKeys.of(inet.getAddress())
                : null;
    }
}
