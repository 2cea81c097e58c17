package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.MessageId;
import dev.shoal.peer.internal.wire.Piece;
import java.nio.ByteBuffer;

/** {@code <len=9+X><id=7><piece index><begin><block>}; the block is at most the limit's block length. */
public final class PieceCodec extends MessageCodec<Piece> {

    public PieceCodec() {
        super(MessageId.PIECE, Piece.class);
    }

    @Override
    public int minPayloadLength() {
        return 8;
    }

    @Override
    public int maxPayloadLength(WireLimits limits) {
        return 8 + limits.maxBlockLength();
    }

    @Override
    public int payloadLength(Piece message) {
        return 8 + message.length();
    }

    @Override
    public void writePayload(Piece message, ByteBuffer out) {
        out.putInt(message.piece()).putInt(message.begin()).put(message.data());
    }

    @Override
    protected Piece readPayload(ByteBuffer payload, WireLimits limits) throws WireException {
        int piece = payload.getInt();
        int begin = payload.getInt();
        if (limits.pieceCountKnown() && Integer.compareUnsigned(piece, limits.pieceCount()) >= 0) {
            throw new WireException("Piece names piece " + Integer.toUnsignedString(piece) + " of "
                    + limits.pieceCount());
        }
        byte[] block = new byte[payload.remaining()];
        payload.get(block);
        return new Piece(piece, begin, block);
    }
}
