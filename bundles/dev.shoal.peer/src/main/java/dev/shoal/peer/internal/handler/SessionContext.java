package dev.shoal.peer.internal.handler;

import java.util.concurrent.CompletableFuture;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;

/**
 * What the handler keeps per session, under one typed key: the torrent (known from the start when
 * we dial, from the peer's handshake when it dials), the connection once both handshakes are
 * through, and the future a dialler waits on.
 */
final class SessionContext {

    private static final AttributeKey KEY = new AttributeKey(SessionContext.class, "context");

    final boolean outgoing;
    final CompletableFuture<PeerConnection> ready;
    volatile LocalTorrent torrent;
    volatile PeerConnection connection;
    volatile Throwable failure;

    private SessionContext(boolean outgoing, LocalTorrent torrent, CompletableFuture<PeerConnection> ready) {
        this.outgoing = outgoing;
        this.torrent = torrent;
        this.ready = ready;
    }

    static void attachOutgoing(IoSession session, LocalTorrent torrent, CompletableFuture<PeerConnection> ready) {
        session.setAttribute(KEY, new SessionContext(true, torrent, ready));
    }

    /** The session's context; a session nobody attached one to was accepted, not dialled. */
    static SessionContext of(IoSession session) {
        Object context = session.getAttribute(KEY);
        if (context == null) {
            SessionContext incoming = new SessionContext(false, null, new CompletableFuture<>());
            context = session.setAttributeIfAbsent(KEY, incoming);
            return context == null ? incoming : (SessionContext) context;
        }
        return (SessionContext) context;
    }
}
