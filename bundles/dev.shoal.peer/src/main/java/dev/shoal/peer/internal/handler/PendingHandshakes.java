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
 * Incoming connections that have not completed their handshake, bounded in total and per IP
 * address. When a bound is reached the <em>oldest</em> waiting connection (of that address, or of
 * all) makes room for the new one rather than the new one being refused: a host that opens sockets
 * and says nothing cannot keep the door shut, as a real peer completes its handshake within
 * milliseconds of connecting and is long through before the attacker's next connections push it
 * out. Thread-safe: MINA's I/O threads call it.
 */
public final class PendingHandshakes {

    private final ConnectionBounds bounds;
    /** In arrival order, each with its address as it was when it came. */
    private final LinkedHashMap<IoSession, InetAddress> all = new LinkedHashMap<>();
    private final Map<InetAddress, ArrayDeque<IoSession>> byAddress = new HashMap<>();

    public PendingHandshakes(ConnectionBounds bounds) {
        this.bounds = bounds;
    }

    /** A connection opened; the one returned (or null) must be closed to keep within the bounds. */
    synchronized IoSession enter(IoSession session) {
        InetAddress address = addressOf(session.getRemoteAddress());
        ArrayDeque<IoSession> same = byAddress.computeIfAbsent(address, key -> new ArrayDeque<>());
        IoSession evicted = null;
        if (same.size() >= bounds.perAddress()) {
            evicted = same.peekFirst();
        } else if (all.size() >= bounds.total()) {
            evicted = all.keySet().iterator().next();
        }
        if (evicted != null) {
            leave(evicted);
        }
        same.addLast(session);
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
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
