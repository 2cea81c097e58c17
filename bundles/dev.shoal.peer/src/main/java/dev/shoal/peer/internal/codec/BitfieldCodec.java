package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.MessageId;
import java.nio.ByteBuffer;

/**
 * {@code <len=1+X><id=5><bitfield>}. Once the piece count is known (after the handshake), BEP 3
 * says to drop a peer whose bitfield has the wrong size or a spare bit set.
 */
public final class BitfieldCodec extends MessageCodec<Bitfield> {

    public BitfieldCodec() {
        super(MessageId.BITFIELD, Bitfield.class);
    }

    @Override
    public int minPayloadLength() {
        return 0;
    }

    @Override
    public int maxPayloadLength(WireLimits limits) {
        return limits.maxBitfieldLength();
    }

    @Override
    public int payloadLength(Bitfield message) {
        return message.byteLength();
    }

    @Override
    public void writePayload(Bitfield message, ByteBuffer out) {
        out.put(message.bits());
    }

    @Override
    protected Bitfield readPayload(ByteBuffer payload, WireLimits limits) throws WireException {
        byte[] bits = new byte[payload.remaining()];
        payload.get(bits);
        if (limits.pieceCountKnown()) {
            if (bits.length != limits.maxBitfieldLength()) {
                throw new WireException("bitfield of " + bits.length + " bytes for " + limits.pieceCount()
                        + " pieces (expected " + limits.maxBitfieldLength() + ")");
            }
            int spare = bits.length * 8 - limits.pieceCount();
            if (spare > 0 && (bits[bits.length - 1] & ((1 << spare) - 1)) != 0) {
                throw new WireException("bitfield has spare bits set after piece " + (limits.pieceCount() - 1));
            }
        }
        return new Bitfield(bits);
    }
}
