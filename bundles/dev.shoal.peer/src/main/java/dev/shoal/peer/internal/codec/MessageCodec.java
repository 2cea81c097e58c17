package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.PeerMessage;
import java.nio.ByteBuffer;

/**
 * Reads and writes the payload of one message type (what follows the id byte). The frame around
 * it, length prefix and id, is {@link Frames}' work, which also asks the bounds here before it
 * waits for a payload.
 */
public abstract class MessageCodec<M extends PeerMessage> {

    private final int id;
    private final Class<M> type;

    protected MessageCodec(int id, Class<M> type) {
        this.id = id;
        this.type = type;
    }

    public final int id() {
        return id;
    }

    public final Class<M> type() {
        return type;
    }

    /** Smallest payload this message can have. */
    public abstract int minPayloadLength();

    /** Largest payload a peer may send us under {@code limits}. */
    public abstract int maxPayloadLength(WireLimits limits);

    public abstract int payloadLength(M message);

    public abstract void writePayload(M message, ByteBuffer out);

    /**
     * Reads a payload whose length is already within bounds; {@code payload} holds exactly it, and
     * any byte left unread is an error ({@link Frames} checks).
     */
    protected abstract M readPayload(ByteBuffer payload, WireLimits limits) throws WireException;

    final M read(ByteBuffer payload, WireLimits limits) throws WireException {
        try {
            return readPayload(payload, limits);
        } catch (IllegalArgumentException e) {
            // The record refused a field (say a negative piece index): the peer's fault, not ours.
            throw new WireException(type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    final int castAndMeasure(PeerMessage message) {
        return payloadLength(type.cast(message));
    }

    final void castAndWrite(PeerMessage message, ByteBuffer out) {
        writePayload(type.cast(message), out);
    }
}
