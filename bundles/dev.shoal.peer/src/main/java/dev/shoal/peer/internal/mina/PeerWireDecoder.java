package dev.shoal.peer.internal.mina;

import dev.shoal.peer.internal.codec.BlockInProgress;
import dev.shoal.peer.internal.codec.Frames;
import dev.shoal.peer.internal.codec.HandshakeCodec;
import dev.shoal.peer.internal.codec.WireException;
import dev.shoal.peer.internal.wire.Handshake;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.CumulativeProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolDecoderException;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;

/**
 * Turns a session's bytes into a {@link Handshake} and then {@link PeerMessage}s. MINA keeps the
 * bytes of an unfinished frame between calls; this returns false until a whole one is there. A
 * piece is the exception: once its header is in, its block is filled from the reads as they come
 * ({@link BlockInProgress}), so its bytes are copied once, not into MINA's buffer and then out. The
 * per-session phase lives in {@link WireState}, so one instance serves every session.
 */
public final class PeerWireDecoder extends CumulativeProtocolDecoder {

    private final HandshakeCodec handshakes;
    private final Frames frames;

    public PeerWireDecoder(HandshakeCodec handshakes, Frames frames) {
        this.handshakes = handshakes;
        this.frames = frames;
    }

    /**
     * Until the handshake is out, takes no byte past its end, leaving the rest of the read for the
     * next call: {@code ProtocolCodecFilter} hands the handshake on (and {@code PeerHandler} sets
     * the torrent's piece count in the limits) between calls, so the frames that came in the same
     * read are checked against the piece count too.
     */
    @Override
    public void decode(IoSession session, IoBuffer in, ProtocolDecoderOutput out) throws Exception {
        WireState state = WireState.of(session);
        if (state.handshakeDone() || state.failed()) {
            BlockInProgress block = state.block();
            if (block != null && !state.failed()) {
                Piece piece = block.fill(in.buf());
                if (piece == null) {
                    return; // the whole read went into the block
                }
                state.block(null);
                out.write(piece);
            }
            if (in.hasRemaining()) {
                super.decode(session, in, out);
            }
            return;
        }
        int take = Math.min(in.remaining(), Handshake.LENGTH - state.handshakeBytes());
        int limit = in.limit();
        in.limit(in.position() + take);
        try {
            state.handshakeBytes(state.handshakeBytes() + take);
            super.decode(session, in, out);
        } finally {
            in.limit(limit);
        }
    }

    /** The connection closed: a block still arriving gives its buffer back (no one else saw it). */
    @Override
    public void dispose(IoSession session) throws Exception {
        WireState state = WireState.of(session);
        BlockInProgress block = state.block();
        if (block != null) {
            state.block(null);
            block.abandon();
        }
        super.dispose(session);
    }

    @Override
    protected boolean doDecode(IoSession session, IoBuffer in, ProtocolDecoderOutput out) throws Exception {
        WireState state = WireState.of(session);
        if (state.failed()) {
            // A frame boundary is lost; the handler is closing the session. Drop what still comes.
            in.position(in.limit());
            return false;
        }
        try {
            if (!state.handshakeDone()) {
                Handshake handshake = handshakes.next(in.buf());
                if (handshake == null) {
                    return false;
                }
                state.handshakeDone(true);
                out.write(handshake);
                return true;
            }
            PeerMessage message = frames.next(in.buf(), state.limits());
            if (message == null) {
                // A piece cut by the end of the read: its block is filled from the next reads as they
                // come (see decode), not accumulated here first. It took every byte there was.
                BlockInProgress block = frames.startPiece(in.buf(), state.limits());
                if (block == null) {
                    return false;
                }
                state.block(block);
                return true;
            }
            out.write(message);
            return true;
        } catch (WireException e) {
            state.fail();
            in.position(in.limit());
            throw new ProtocolDecoderException(e.getMessage(), e);
        }
    }
}
