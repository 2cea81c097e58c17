package dev.shoal.peer.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.peer.internal.mina.PeerWireEncoder;
import dev.shoal.peer.internal.wire.Piece;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.DummySession;
import org.junit.jupiter.api.Test;

class PieceFrameTest {

    private static final int BLOCK = 16 * 1024;

    @Test
    void aFramedPieceGoesToMinaAsTheFrameItselfWithTheSameBytesAsACopiedOne() throws Exception {
        BlockPool pool = new BlockPool(4, PieceFrame.HEADER + BLOCK, true, false);
        PieceFrame frame = PieceFrame.take(pool, BLOCK);
        ByteBuffer block = frame.block();
        for (int i = 0; i < BLOCK; i++) {
            block.put((byte) (i * 31));
        }
        Piece piece = new Piece(7, 3 * BLOCK, frame.block(), frame);

        IoBuffer written = encodeOne(piece);
        byte[] expected = new Frames().encode(new Piece(7, 3 * BLOCK, piece.block()));
        assertEquals(ByteBuffer.wrap(expected), written.buf(), "the frame's bytes are the message's");
        // No copy: a byte changed in the frame now shows in what MINA was handed.
        block.put(0, (byte) 0x55);
        assertEquals(0x55, written.get(PieceFrame.HEADER));
        assertTrue(written.isDirect(), "a direct frame: no JDK copy for the socket either");
    }

    @Test
    void aPieceOverBytesOfItsOwnIsStillCopiedIntoAFrameOfItsOwn() throws Exception {
        byte[] bytes = new byte[100];
        bytes[0] = 1;
        IoBuffer written = encodeOne(new Piece(1, 0, bytes));
        bytes[0] = 2;
        assertEquals(1, written.get(PieceFrame.HEADER), "copied: the sender may change its bytes");
    }

    @Test
    void aFrameGoesBackToItsPoolOnceReleasedAndIsTheNextOneTaken() {
        BlockPool pool = new BlockPool(4, PieceFrame.HEADER + BLOCK, true, false);
        PieceFrame first = PieceFrame.take(pool, BLOCK);
        ByteBuffer memory = first.encode(new Piece(0, 0, first.block(), first));
        new Piece(0, 0, first.block(), first).release();
        assertEquals(1, pool.free());
        PieceFrame second = PieceFrame.take(pool, 100);
        assertEquals(100, second.block().remaining(), "a short block in a pooled frame");
        second.block().put(0, (byte) 9);
        assertEquals(9, memory.get(PieceFrame.HEADER), "the same memory, reused");
        assertEquals(1, pool.reused());
        first.release();
        assertEquals(0, pool.free(), "a second release of the same frame gives nothing back twice");
    }

    @Test
    void aPieceThatIsNotTheFramesBlockIsRefused() {
        BlockPool pool = new BlockPool(4, PieceFrame.HEADER + BLOCK, true, false);
        PieceFrame frame = PieceFrame.take(pool, BLOCK);
        Piece other = new Piece(0, 0, new byte[10]);
        assertThrows(IllegalArgumentException.class, () -> frame.encode(other));
    }

    private static IoBuffer encodeOne(Piece piece) throws Exception {
        List<Object> out = new ArrayList<>();
        new PeerWireEncoder(new HandshakeCodec(), new Frames()).encode(new DummySession(), piece, out::add);
        assertEquals(1, out.size(), "one buffer per message");
        return (IoBuffer) out.get(0);
    }
}
