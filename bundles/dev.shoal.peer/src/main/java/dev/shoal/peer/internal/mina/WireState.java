package dev.shoal.peer.internal.mina;

import dev.shoal.peer.internal.codec.BlockInProgress;
import dev.shoal.peer.internal.codec.WireLimits;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;

/**
 * What the decoder must remember about one connection: whether the handshake is through, the
 * limits, which tighten once the handshake says which torrent (and so how many pieces) this is, and
 * the piece whose block is still arriving.
 * Kept under a typed key, reached only through {@link #of}.
 */
public final class WireState {

    private static final AttributeKey KEY = new AttributeKey(WireState.class, "state");

    private volatile WireLimits limits;
    private volatile boolean handshakeDone;
    /** Bytes of the handshake given to the decoder so far, so that it never takes more than 68. */
    private volatile int handshakeBytes;
    private volatile boolean failed;
    /** A piece whose block is arriving over several reads, straight into its own array. */
    private volatile BlockInProgress block;

    private WireState(WireLimits limits) {
        this.limits = limits;
    }

    /** Attaches fresh state to a new session; call before any byte can arrive. */
    public static WireState attach(IoSession session, WireLimits limits) {
        WireState state = new WireState(limits);
        Object previous = session.setAttributeIfAbsent(KEY, state);
        return previous == null ? state : (WireState) previous;
    }

    /** The session's state, with default limits if nobody attached any. */
    public static WireState of(IoSession session) {
        Object state = session.getAttribute(KEY);
        return state != null ? (WireState) state : attach(session, WireLimits.DEFAULT);
    }

    public WireLimits limits() {
        return limits;
    }

    public void limits(WireLimits value) {
        limits = value;
    }

    boolean handshakeDone() {
        return handshakeDone;
    }

    void handshakeDone(boolean value) {
        handshakeDone = value;
    }

    int handshakeBytes() {
        return handshakeBytes;
    }

    void handshakeBytes(int value) {
        handshakeBytes = value;
    }

    boolean failed() {
        return failed;
    }

    void fail() {
        failed = true;
    }

    BlockInProgress block() {
        return block;
    }

    void block(BlockInProgress value) {
        block = value;
    }
}
