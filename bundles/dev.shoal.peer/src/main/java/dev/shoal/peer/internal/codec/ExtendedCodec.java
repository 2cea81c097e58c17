package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.Extended;
import dev.shoal.peer.internal.wire.MessageId;
import java.nio.ByteBuffer;

/** BEP 10: {@code <len=2+X><id=20><extended id><payload>}; the payload is passed through unread. */
public final class ExtendedCodec extends MessageCodec<Extended> {

    public ExtendedCodec() {
        super(MessageId.EXTENDED, Extended.class);
    }

    @Override
    public int minPayloadLength() {
        return 1;
    }

    @Override
    public int maxPayloadLength(WireLimits limits) {
        return limits.maxFrameLength() - 1;
    }

    @Override
    public int payloadLength(Extended message) {
        return 1 + message.payload().length;
    }

    @Override
    public void writePayload(Extended message, ByteBuffer out) {
        out.put((byte) message.id()).put(message.payload());
    }

    @Override
    protected Extended readPayload(ByteBuffer payload, WireLimits limits) {
        int id = Byte.toUnsignedInt(payload.get());
        byte[] rest = new byte[payload.remaining()];
        payload.get(rest);
        return new Extended(id, rest);
    }
}
