package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.MessageId;
import dev.shoal.peer.internal.wire.Piece;
import java.nio.ByteBuffer;

/** {@code <len=9+X><id=7><piece index><begin><block>}; the block is at most the limit's block length. */
public final class PieceCodec extends MessageCodec<Piece> {

    private static final byte[] EMPTY = new byte[0];

    private final BlockPool blocks;

    public PieceCodec(BlockPool blocks) {
        super(MessageId.PIECE, Piece.class);
        this.blocks = blocks;
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

    /**
     * The rules of a piece's header, also checked before its block is all there
     * ({@link Frames#startPiece}): a piece index within the torrent, and what the record refuses
     * (checked by making an empty one, so the rule and its message stay the record's).
     */
    static void checkHeader(int piece, int begin, WireLimits limits) throws WireException {
        if (limits.pieceCountKnown() && Integer.compareUnsigned(piece, limits.pieceCount()) >= 0) {
            throw new WireException("Piece names piece " + Integer.toUnsignedString(piece) + " of "
                    + limits.pieceCount());
        }
        try {
            new Piece(piece, begin, EMPTY);
        } catch (IllegalArgumentException e) {
            throw new WireException("Piece: " + e.getMessage(), e);
        }
    }

    @Override
    protected Piece readPayload(ByteBuffer payload, WireLimits limits) throws WireException {
        int piece = payload.getInt();
        int begin = payload.getInt();
        checkHeader(piece, begin, limits);
        BlockPool.Lease block = blocks.take(payload.remaining());
        return new Piece(piece, begin, block.buffer().put(payload).flip(), block);
    }
}
