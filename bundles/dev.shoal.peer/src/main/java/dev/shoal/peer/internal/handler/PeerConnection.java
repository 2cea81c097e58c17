package dev.shoal.peer.internal.handler;

import dev.shoal.peer.internal.mina.MessageBatch;
import dev.shoal.peer.internal.mina.WireState;
import dev.shoal.peer.internal.mse.MseFilter;
import dev.shoal.peer.internal.wire.Handshake;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import java.net.SocketAddress;
import java.util.List;
import org.apache.mina.core.session.IoSession;

/**
 * One peer after both handshakes. {@link #send} only queues (MINA writes from its I/O thread), so
 * it is safe from any thread, listeners included.
 */
public final class PeerConnection {

    private final IoSession session;
    private final LocalTorrent torrent;
    private final Handshake remote;
    private final boolean outgoing;
    /** Set when we close it, so that its end is not taken for the peer leaving us. */
    private volatile boolean closedByUs;

    PeerConnection(IoSession session, LocalTorrent torrent, Handshake remote, boolean outgoing) {
        this.session = session;
        this.torrent = torrent;
        this.remote = remote;
        this.outgoing = outgoing;
    }

    public LocalTorrent torrent() {
        return torrent;
    }

    /** The peer's handshake: its peer id and the extensions it announced. */
    public Handshake remote() {
        return remote;
    }

    /** True when we dialled, false when the peer did. */
    public boolean outgoing() {
        return outgoing;
    }

    /** True when its payload is RC4-encrypted (Message Stream Encryption). */
    public boolean encrypted() {
        return MseFilter.encrypted(session);
    }

    public SocketAddress remoteAddress() {
        return session.getRemoteAddress();
    }

    public boolean isOpen() {
        return session.isConnected() && !session.isClosing();
    }

    /**
     * The torrent's piece count became known (a metadata fetch's connection handed to the torrent's
     * swarm): from the next frame on, the wire checks bitfields and piece indices against it.
     */
    public void expectPieces(int pieceCount) {
        WireState state = WireState.of(session);
        state.limits(state.limits().withPieceCount(pieceCount));
    }

    /** Messages queued for the socket and not yet written to it. */
    public int queuedWrites() {
        return session.getScheduledWriteMessages();
    }

    public void send(PeerMessage message) {
        session.write(message);
    }

    /** Sends {@code messages} in one write (see {@link MessageBatch}): no piece among them. */
    public void sendAll(List<PeerMessage> messages) {
        if (messages.size() == 1) {
            send(messages.get(0));
        } else if (!messages.isEmpty()) {
            session.write(new MessageBatch(messages));
        }
    }

    /**
     * Sends a block whose buffer is lent ({@link Piece#lease()}): it goes back once MINA has written
     * the message, or failed to because the connection closed (the write future completes either way).
     */
    public void sendBlock(Piece piece) {
        session.write(piece).addListener(written -> piece.release());
    }

    /** True once we closed it ({@link #close}, {@link #closeNow}); false when the peer or the network ended it. */
    public boolean closedByUs() {
        return closedByUs;
    }

    /** Closes after what is queued has been written. */
    public void close() {
        closedByUs = true;
        session.closeOnFlush();
    }

    /**
     * Closes at once, dropping what is queued: for a peer we push out, which may not be reading
     * (what is queued for it would never flush, and the socket would stay open).
     */
    public void closeNow() {
        closedByUs = true;
        session.closeNow();
    }

    @Override
    public String toString() {
        return "PeerConnection[" + session.getRemoteAddress() + ", " + remote.peerId() + "]";
    }
}
