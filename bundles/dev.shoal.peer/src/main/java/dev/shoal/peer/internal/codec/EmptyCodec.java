package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.PeerMessage;
import java.nio.ByteBuffer;

/** Choke, unchoke, interested, not interested, have all, have none: an id and nothing else. */
public final class EmptyCodec<M extends PeerMessage> extends FixedLengthCodec<M> {

    private final M instance;

    public EmptyCodec(int id, Class<M> type, M instance) {
        super(id, type, 0);
        this.instance = instance;
    }

    @Override
    public void writePayload(M message, ByteBuffer out) {
        // nothing follows the id
    }

    @Override
    protected M readPayload(ByteBuffer payload, WireLimits limits) {
        return instance;
    }
}
