package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.PeerMessage;
import java.nio.ByteBuffer;

/** Base of request, cancel and reject request: piece index, begin, length as big-endian ints. */
abstract class BlockRefCodec<M extends PeerMessage> extends FixedLengthCodec<M> {

    /** Makes the message from the three fields once they are known to be in range. */
    interface Factory<M> {
        M create(int piece, int begin, int length);
    }

    /** Reads the three fields back out of a message. */
    interface Fields<M> {
        int piece(M message);

        int begin(M message);

        int length(M message);
    }

    private final Factory<M> factory;
    private final Fields<M> fields;

    BlockRefCodec(int id, Class<M> type, Factory<M> factory, Fields<M> fields) {
        super(id, type, 12);
        this.factory = factory;
        this.fields = fields;
    }

    @Override
    public final void writePayload(M message, ByteBuffer out) {
        out.putInt(fields.piece(message)).putInt(fields.begin(message)).putInt(fields.length(message));
    }

    @Override
    protected final M readPayload(ByteBuffer payload, WireLimits limits) throws WireException {
        int piece = payload.getInt();
        int begin = payload.getInt();
        int length = payload.getInt();
        // Compared unsigned so 2^31 and up count as too long, not as negative.
        if (Integer.compareUnsigned(length, limits.maxRequestLength()) > 0) {
            throw new WireException(type().getSimpleName() + " of " + Integer.toUnsignedString(length)
                    + " bytes is over the limit of " + limits.maxRequestLength());
        }
        if (limits.pieceCountKnown() && Integer.compareUnsigned(piece, limits.pieceCount()) >= 0) {
            throw new WireException(type().getSimpleName() + " names piece " + Integer.toUnsignedString(piece)
                    + " of " + limits.pieceCount());
        }
        return factory.create(piece, begin, length);
    }
}
