package dev.shoal.peer.internal.handler;

import dev.shoal.peer.internal.codec.WireLimits;
import dev.shoal.peer.internal.mina.MessageBatch;
import dev.shoal.peer.internal.mina.WireState;
import dev.shoal.peer.internal.mse.MseFilter;
import dev.shoal.peer.internal.wire.Handshake;
import dev.shoal.peer.internal.wire.KeepAlive;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.Reserved;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handshake and the connection's life; everything after the handshake goes to the torrent's
 * {@link PeerListener}. Sees typed messages only (the codec filter made them) and never blocks.
 *
 * <p>When we dial, we send our handshake at once and close unless the peer answers with the same
 * info-hash. When the peer dials, we answer only for a torrent the {@link TorrentLookup} knows.
 */
public final class PeerHandler extends IoHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PeerHandler.class);
    private static final KeepAlive KEEP_ALIVE = new KeepAlive();

    /** How often a connection still in its handshake checks its deadline. */
    private static final int HANDSHAKE_CHECK_SECONDS = 1;

    private final PeerId ourId;
    private final Reserved ourReserved;
    private final WireTimeouts timeouts;
    private final WireLimits limits;
    private final TorrentLookup lookup;
    private final PendingHandshakes pending;

    /** A handler for dialled sessions only (a connector): nothing comes in to bound. */
    public PeerHandler(PeerId ourId, Reserved ourReserved, WireTimeouts timeouts, WireLimits limits) {
        this(ourId, ourReserved, timeouts, limits, TorrentLookup.NONE, null);
    }

    /** A handler for accepted sessions: {@code pending} bounds those still in their handshake. */
    public PeerHandler(PeerId ourId, Reserved ourReserved, WireTimeouts timeouts, WireLimits limits,
            TorrentLookup lookup, PendingHandshakes pending) {
        this.ourId = ourId;
        this.ourReserved = ourReserved;
        this.timeouts = timeouts;
        this.limits = limits;
        this.lookup = lookup;
        this.pending = pending;
    }

    /** Marks a session we are dialling; call from the connect future's session initializer. */
    public static void dialling(IoSession session, LocalTorrent torrent, CompletableFuture<PeerConnection> ready) {
        SessionContext.attachOutgoing(session, torrent, ready);
    }

    @Override
    public void sessionCreated(IoSession session) {
        WireState.attach(session, limits);
    }

    @Override
    public void sessionOpened(IoSession session) {
        // Until the handshake is through, the writer idle event is the clock that checks its
        // deadline: reader idle alone would let a peer trickle a byte now and then forever.
        session.getConfig().setIdleTime(IdleStatus.WRITER_IDLE, HANDSHAKE_CHECK_SECONDS);
        session.getConfig().setIdleTime(IdleStatus.READER_IDLE, timeouts.handshakeTimeoutSeconds());
        SessionContext context = SessionContext.of(session);
        if (context.outgoing) {
            session.write(ourHandshake(context.torrent));
        } else if (pending != null) {
            IoSession evicted = pending.enter(session);
            if (evicted != null) {
                LOG.debug("closing {}: too many connections waiting for their handshake", evicted.getRemoteAddress());
                evicted.closeNow();
            }
        }
    }

    @Override
    public void messageReceived(IoSession session, Object message) {
        SessionContext context = SessionContext.of(session);
        if (message instanceof Handshake handshake) {
            handshakeReceived(session, context, handshake);
        } else if (message instanceof KeepAlive) {
            // Its only job was to reset the reader idle time, which MINA did on arrival.
        } else if (context.connection != null) {
            context.torrent.listener().received(context.connection, (PeerMessage) message);
        }
    }

    @Override
    public void messageSent(IoSession session, Object message) {
        SessionContext context = SessionContext.of(session);
        if (context.connection == null) {
            return;
        }
        if (message instanceof PeerMessage sent && !(sent instanceof KeepAlive)) {
            context.torrent.listener().sent(context.connection, sent);
        } else if (message instanceof MessageBatch batch) {
            context.torrent.listener().sent(context.connection, batch.last());
        }
    }

    private void handshakeReceived(IoSession session, SessionContext context, Handshake theirs) {
        LocalTorrent torrent;
        if (context.outgoing) {
            torrent = context.torrent;
            if (!torrent.infoHash().equals(theirs.infoHash())) {
                refuse(session, context, "answered for info-hash " + theirs.infoHash() + ", not "
                        + torrent.infoHash());
                return;
            }
        } else {
            byte[] skey = MseFilter.skey(session);
            if (skey != null && !Arrays.equals(skey, theirs.infoHash().bytes())) {
                refuse(session, context, "asked for info-hash " + theirs.infoHash()
                        + " after naming another in its encrypted handshake");
                return;
            }
            Optional<LocalTorrent> found = lookup.find(theirs.infoHash());
            if (found.isEmpty()) {
                refuse(session, context, "asked for unknown info-hash " + theirs.infoHash());
                return;
            }
            torrent = found.get();
            context.torrent = torrent;
            session.write(ourHandshake(torrent));
        }
        if (pending != null) {
            pending.leave(session);
        }
        session.getConfig().setIdleTime(IdleStatus.WRITER_IDLE, timeouts.keepAliveSeconds());
        session.getConfig().setIdleTime(IdleStatus.READER_IDLE, timeouts.receiveTimeoutSeconds());
        // Now the piece count is known: bitfields must fit it exactly, indices stay below it.
        WireState state = WireState.of(session);
        state.limits(state.limits().withPieceCount(torrent.pieceCount()));
        PeerConnection connection = new PeerConnection(session, torrent, theirs, context.outgoing);
        context.connection = connection;
        LOG.debug("{} handshake with {} ({})", context.outgoing ? "outgoing" : "incoming",
                session.getRemoteAddress(), theirs.peerId());
        torrent.listener().connected(connection);
        context.ready.complete(connection);
    }

    private void refuse(IoSession session, SessionContext context, String why) {
        LOG.debug("closing {}: {}", session.getRemoteAddress(), why);
        context.ready.completeExceptionally(new IOException("peer " + session.getRemoteAddress() + " " + why));
        session.closeNow();
    }

    @Override
    public void sessionIdle(IoSession session, IdleStatus status) {
        SessionContext context = SessionContext.of(session);
        if (context.connection == null) {
            long age = System.currentTimeMillis() - session.getCreationTime();
            if (age >= timeouts.handshakeTimeoutSeconds() * 1000L) {
                LOG.debug("closing {}: no handshake within {} s", session.getRemoteAddress(),
                        timeouts.handshakeTimeoutSeconds());
                context.ready.completeExceptionally(new IOException("peer " + session.getRemoteAddress()
                        + " did not complete its handshake within " + timeouts.handshakeTimeoutSeconds() + " s"));
                session.closeNow();
            }
        } else if (status == IdleStatus.READER_IDLE) {
            LOG.debug("closing {}: nothing received for {} s", session.getRemoteAddress(),
                    timeouts.receiveTimeoutSeconds());
            context.ready.completeExceptionally(new IOException("peer " + session.getRemoteAddress() + " went silent"));
            session.closeNow();
        } else if (status == IdleStatus.WRITER_IDLE) {
            session.write(KEEP_ALIVE);
        }
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) {
        LOG.debug("closing {}: {}", session.getRemoteAddress(), cause.toString());
        SessionContext context = SessionContext.of(session);
        context.failure = cause;
        context.ready.completeExceptionally(cause);
        session.closeNow();
    }

    @Override
    public void sessionClosed(IoSession session) {
        // MINA fails the futures of the writes still queued (their blocks go back through the
        // listener of PeerConnection#sendBlock), not that of the one it was in the middle of writing.
        WriteRequest unfinished = session.getCurrentWriteRequest();
        if (unfinished != null && unfinished.getOriginalMessage() instanceof Piece piece) {
            piece.release();
        }
        if (pending != null) {
            pending.leave(session);
        }
        SessionContext context = SessionContext.of(session);
        context.ready.completeExceptionally(new IOException("connection to " + session.getRemoteAddress() + " closed"));
        if (context.connection != null) {
            context.torrent.listener().closed(context.connection, Optional.ofNullable(context.failure));
        }
    }

    private Handshake ourHandshake(LocalTorrent torrent) {
        return new Handshake(ourReserved, torrent.infoHash(), ourId);
    }
}
