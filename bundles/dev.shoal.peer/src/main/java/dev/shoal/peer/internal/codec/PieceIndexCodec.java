package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.PeerMessage;
import java.nio.ByteBuffer;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/** Base of have, suggest piece and allowed fast: one big-endian piece index. */
abstract class PieceIndexCodec<M extends PeerMessage> extends FixedLengthCodec<M> {

    private final IntFunction<M> create;
    private final ToIntFunction<M> piece;

    PieceIndexCodec(int id, Class<M> type, IntFunction<M> create, ToIntFunction<M> piece) {
        super(id, type, 4);
        this.create = create;
        this.piece = piece;
    }

    @Override
    public final void writePayload(M message, ByteBuffer out) {
        out.putInt(piece.applyAsInt(message));
    }

    @Override
    protected M readPayload(ByteBuffer payload, WireLimits limits) throws WireException {
        int index = payload.getInt();
        if (limits.pieceCountKnown() && index >= limits.pieceCount()) {
            throw new WireException(type().getSimpleName() + " names piece " + index + " of "
                    + limits.pieceCount());
        }
        return create.apply(index);
    }
}
