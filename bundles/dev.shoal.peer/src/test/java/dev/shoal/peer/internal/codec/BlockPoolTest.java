package dev.shoal.peer.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shoal.peer.internal.wire.Piece;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockPoolTest {

    private static final int BLOCK = 16 * 1024;

    @Test
    void aReleasedBufferIsTheNextOneTaken() {
        BlockPool pool = new BlockPool(4, BLOCK, false, false);
        BlockPool.Lease first = pool.take(BLOCK);
        ByteBuffer buffer = first.buffer();
        first.release();
        BlockPool.Lease second = pool.take(1000);
        assertSame(buffer, second.buffer());
        assertEquals(0, second.buffer().position());
        assertEquals(1000, second.buffer().limit());
        assertEquals(1, pool.reused());
        assertEquals(1, pool.allocated());
    }

    @Test
    void aShortBlockWithNoBufferFreeGetsExactlyItsLengthOutsideThePool() {
        BlockPool pool = new BlockPool(4, BLOCK, false, false);
        BlockPool.Lease tiny = pool.take(1);
        assertEquals(1, tiny.buffer().capacity(), "a 1-byte block costs 1 byte, not a pooled 16 KiB");
        tiny.release();
        assertEquals(0, pool.free(), "never pooled");
        assertEquals(1, pool.allocated());
    }

    @Test
    void aSecondReleaseIsRefusedAndDoesNotPutTheBufferInThePoolTwice() {
        BlockPool pool = new BlockPool(4, BLOCK, false, false);
        BlockPool.Lease lease = pool.take(BLOCK);
        lease.release();
        IllegalStateException twice = assertThrows(IllegalStateException.class, lease::release);
        assertEquals("a block buffer released twice", twice.getMessage());
        assertEquals(1, pool.free());
        // Taken again by someone else: the old lease still cannot give it back under them.
        BlockPool.Lease next = pool.take(BLOCK);
        assertThrows(IllegalStateException.class, lease::release);
        assertEquals(0, pool.free());
        assertNotSame(next.buffer(), pool.take(BLOCK).buffer());
    }

    @Test
    void aPieceReleasesItsLeaseOnceOnly() throws WireException {
        BlockPool pool = new BlockPool(4, BLOCK, false, false);
        Frames frames = new Frames(pool);
        ByteBuffer frame = ByteBuffer.allocate(4 + 9 + 100).putInt(9 + 100).put((byte) 7).putInt(3).putInt(0);
        Piece piece = (Piece) frames.next(frame.put(new byte[100]).flip(), WireLimits.DEFAULT);
        piece.release();
        assertThrows(IllegalStateException.class, piece::release);
    }

    @Test
    void aPoisoningPoolOverwritesWhatIsReleased() {
        BlockPool pool = new BlockPool(4, BLOCK, false, true);
        BlockPool.Lease lease = pool.take(BLOCK);
        ByteBuffer view = lease.buffer().put(new byte[] {1, 2, 3, 4}).flip().duplicate();
        lease.release();
        byte[] seen = new byte[4];
        view.get(seen);
        byte[] poisoned = new byte[4];
        Arrays.fill(poisoned, (byte) 0xDB);
        assertEquals(Arrays.toString(poisoned), Arrays.toString(seen), "a reader after release sees poison");
    }

    @Test
    void itKeepsNoMoreFreeBuffersThanItsBoundAndABurstGetsPlainOnes() {
        BlockPool pool = new BlockPool(3, BLOCK, false, false);
        List<BlockPool.Lease> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            burst.add(pool.take(BLOCK));
        }
        assertEquals(10, pool.allocated());
        burst.forEach(BlockPool.Lease::release);
        assertEquals(3, pool.free());
        for (int i = 0; i < 5; i++) {
            pool.take(BLOCK);
        }
        assertEquals(3, pool.reused());
        assertEquals(12, pool.allocated());
    }

    @Test
    void aBlockLongerThanAPooledBufferGetsAPlainOneNeverPooled() {
        BlockPool pool = new BlockPool(3, BLOCK, false, false);
        BlockPool.Lease big = pool.take(BLOCK + 1);
        assertEquals(BLOCK + 1, big.buffer().remaining());
        big.release();
        assertEquals(0, pool.free());
        assertThrows(IllegalStateException.class, big::release);
    }

    @Test
    void directBuffersWhenAsked() {
        assertEquals(true, new BlockPool(1, BLOCK, true, false).take(BLOCK).buffer().isDirect());
        assertEquals(false, BlockPool.forSwarm().take(BLOCK).buffer().isDirect());
    }
}
