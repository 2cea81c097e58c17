package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.MessageId;
import dev.shoal.peer.internal.wire.Port;
import java.nio.ByteBuffer;

/** BEP 5: {@code <len=3><id=9><listen-port>}, two big-endian bytes. */
public final class PortCodec extends FixedLengthCodec<Port> {

    public PortCodec() {
        super(MessageId.PORT, Port.class, 2);
    }

    @Override
    public void writePayload(Port message, ByteBuffer out) {
        out.putShort((short) message.port());
    }

    @Override
    protected Port readPayload(ByteBuffer payload, WireLimits limits) {
        return new Port(Short.toUnsignedInt(payload.getShort()));
    }
}
