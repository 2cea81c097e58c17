package dev.shoal.peer.internal.mina;

import dev.shoal.peer.internal.codec.Frames;
import dev.shoal.peer.internal.codec.HandshakeCodec;
import dev.shoal.peer.internal.codec.PieceFrame;
import dev.shoal.peer.internal.wire.Handshake;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolEncoderAdapter;
import org.apache.mina.filter.codec.ProtocolEncoderOutput;

/**
 * Writes a {@link Handshake}, a {@link PeerMessage} or a {@link MessageBatch} as one buffer.
 * Stateless. A block we upload is not copied: its {@link PieceFrame} already holds it behind room
 * for the header, and that buffer goes to MINA as it is.
 */
public final class PeerWireEncoder extends ProtocolEncoderAdapter {

    private final HandshakeCodec handshakes;
    private final Frames frames;

    public PeerWireEncoder(HandshakeCodec handshakes, Frames frames) {
        this.handshakes = handshakes;
        this.frames = frames;
    }

    @Override
    public void encode(IoSession session, Object message, ProtocolEncoderOutput out) {
        if (message instanceof Handshake handshake) {
            out.write(IoBuffer.wrap(handshakes.encode(handshake)));
        } else if (message instanceof Piece piece && piece.lease() instanceof PieceFrame frame) {
            out.write(IoBuffer.wrap(frame.encode(piece)));
        } else if (message instanceof PeerMessage peerMessage) {
            IoBuffer buffer = IoBuffer.allocate(frames.frameLength(peerMessage), false);
            frames.encode(peerMessage, buffer.buf());
            out.write(buffer.flip());
        } else if (message instanceof MessageBatch batch) {
            int length = 0;
            for (PeerMessage each : batch.messages()) {
                length += frames.frameLength(each);
            }
            IoBuffer buffer = IoBuffer.allocate(length, false);
            for (PeerMessage each : batch.messages()) {
                frames.encode(each, buffer.buf());
            }
            out.write(buffer.flip());
        } else {
            throw new IllegalArgumentException("not a peer wire message: " + message.getClass().getName());
        }
    }
}
