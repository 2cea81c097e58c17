package dev.shoal.peer.internal.mina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shoal.peer.internal.codec.Frames;
import dev.shoal.peer.internal.codec.HandshakeCodec;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.Interested;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.Request;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.mina.core.buffer.IoBuffer;
import org.junit.jupiter.api.Test;

/** Requests topped up together go out as one buffer holding each one's frame, in order. */
class MessageBatchTest {

    private final Frames frames = new Frames();
    private final PeerWireEncoder encoder = new PeerWireEncoder(new HandshakeCodec(), frames);

    @Test
    void aBatchIsItsMessagesFramesInOneBuffer() {
        List<PeerMessage> messages = List.of(new Interested(), new Request(7, 0, 16_384),
                new Request(7, 16_384, 16_384), new Have(3));
        List<Object> written = encode(new MessageBatch(messages));
        assertEquals(1, written.size(), "one buffer for the batch");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (PeerMessage message : messages) {
            expected.writeBytes(frames.encode(message));
        }
        IoBuffer buffer = (IoBuffer) written.get(0);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        assertArrayEquals(expected.toByteArray(), bytes);
    }

    @Test
    void aBatchIsNeverEmptyAndHoldsNoPiece() {
        assertThrows(IllegalArgumentException.class, () -> new MessageBatch(List.of()));
        Piece piece = new Piece(0, 0, ByteBuffer.allocate(16));
        assertThrows(IllegalArgumentException.class, () -> new MessageBatch(List.of(new Interested(), piece)));
        assertEquals(new Have(1), new MessageBatch(List.of(new Have(0), new Have(1))).last());
    }

    private List<Object> encode(Object message) {
        List<Object> out = new ArrayList<>();
        encoder.encode(null, message, out::add);
        return out;
    }
}
