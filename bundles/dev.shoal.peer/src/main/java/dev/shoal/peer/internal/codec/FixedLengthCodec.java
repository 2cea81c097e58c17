package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.PeerMessage;

/** A message whose payload always has the same length: anything shorter or longer is an error. */
public abstract class FixedLengthCodec<M extends PeerMessage> extends MessageCodec<M> {

    private final int length;

    protected FixedLengthCodec(int id, Class<M> type, int length) {
        super(id, type);
        this.length = length;
    }

    @Override
    public final int minPayloadLength() {
        return length;
    }

    @Override
    public final int maxPayloadLength(WireLimits limits) {
        return length;
    }

    @Override
    public final int payloadLength(M message) {
        return length;
    }
}
