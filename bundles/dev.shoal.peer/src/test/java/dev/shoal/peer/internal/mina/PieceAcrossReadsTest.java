package dev.shoal.peer.internal.mina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.peer.internal.codec.Frames;
import dev.shoal.peer.internal.codec.HandshakeCodec;
import dev.shoal.peer.internal.wire.Handshake;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.Reserved;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.filter.codec.ProtocolCodecSession;
import org.apache.mina.filter.codec.ProtocolDecoderException;
import org.junit.jupiter.api.Test;

/** A piece whose block comes over several reads is filled from them as they come, and checked first. */
class PieceAcrossReadsTest {

    private static final Handshake HANDSHAKE = new Handshake(Reserved.NONE, InfoHash.fromHex("bb".repeat(20)),
            PeerId.generate(new Random(2)));
    private final Frames frames = new Frames();

    @Test
    void aBlockCutAnywhereComesOutWholeAndInOrder() throws Exception {
        byte[] block = new byte[16 * 1024];
        new Random(3).nextBytes(block);
        Piece piece = new Piece(5, 16384, block);
        byte[] stream = stream(piece, new Have(7), piece);
        int start = Handshake.LENGTH;
        // Cuts in the header, in the block (once, twice), at the frame's end and in the next frame.
        for (int cut : new int[] {1, 4, 5, 12, 13, 14, 100, 8000, 16396, 16397, 16398}) {
            List<Object> decoded = ChunkedDecoding.decode(stream, List.of(start + cut, start + cut + 9000));
            assertEquals(List.of(HANDSHAKE, piece, new Have(7), piece), decoded, "cut at " + cut);
        }
    }

    @Test
    void aCutPieceIsRefusedFromItsHeaderBeforeItsBlockComes() {
        ByteBuffer bad = ByteBuffer.allocate(4 + 9 + 100);
        bad.putInt(9 + 16384).put((byte) 7).putInt(1).putInt(-16384).put(new byte[100]);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(new HandshakeCodec().encode(HANDSHAKE));
        stream.writeBytes(bad.array());
        ProtocolDecoderException refused = assertThrows(ProtocolDecoderException.class,
                () -> ChunkedDecoding.decode(stream.toByteArray(), List.of()));
        assertTrue(refused.getMessage().contains("Piece: begin must be 0 to 2^31-1"), refused.getMessage());
    }

    @Test
    void aBlockCutByAClosingConnectionGivesItsBufferBackOnce() throws Exception {
        BlockPool pool = new BlockPool(4, 16 * 1024, false, true);
        PeerWireDecoder decoder = new PeerWireDecoder(new HandshakeCodec(), new Frames(pool));
        decoder.setTransportMetadataFragmentation(false);
        ProtocolCodecSession session = new ProtocolCodecSession();
        byte[] stream = stream(new Piece(5, 0, new byte[16 * 1024]));
        IoBuffer read = IoBuffer.wrap(Arrays.copyOf(stream, Handshake.LENGTH + 4 + 9 + 100));
        while (read.hasRemaining()) {
            decoder.decode(session, read, session.getDecoderOutput());
        }
        assertEquals(1, session.getDecoderOutputQueue().size(), "only the handshake");
        assertEquals(0, pool.free());
        decoder.dispose(session);
        assertEquals(1, pool.free(), "the cut block's buffer is back");
        decoder.dispose(session);
        assertEquals(1, pool.free(), "and only once");
    }

    private byte[] stream(PeerMessage... messages) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(new HandshakeCodec().encode(HANDSHAKE));
        for (PeerMessage message : messages) {
            stream.writeBytes(frames.encode(message));
        }
        return stream.toByteArray();
    }
}
