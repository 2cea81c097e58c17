package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.BlockLease;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Buffers for received blocks, taken back once the storage has written them: without it every
 * 16 KiB block was a fresh array, most of a download's allocation. Bounded: it keeps at most
 * {@code buffers} free ones; a burst that finds none free gets a plain new buffer (counted in
 * {@link #allocated()}), and a buffer given back to a full pool is left to the garbage collector.
 * A buffer is made only when needed, so an idle client holds none. A block that is dropped without
 * being released (its connection closed, its torrent gone) costs nothing but the reuse.
 *
 * <p>Each taking is a {@link Lease} of its own, released at most once: a second release is an
 * error, so that a buffer can never be in the pool and in use at the same time. With
 * {@code poison} set (tests), a released buffer is overwritten at once, so that anyone still reading
 * it sees garbage (a hash failure) rather than the next block's bytes by luck.
 *
 * <p>Shared by a swarm's connections: taken on MINA's I/O threads, given back on the storages' disk
 * threads, under a monitor held for a deque operation.
 */
public final class BlockPool {

    /** A storage's default write queue (16 MiB) of 16 KiB blocks: what can be waiting at once. */
    public static final int DEFAULT_BUFFERS = 1024;
    private static final byte POISON = (byte) 0xDB;

    private final int buffers;
    private final int blockLength;
    private final boolean direct;
    private final boolean poison;
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
    private final LongAdder reused = new LongAdder();
    private final LongAdder allocated = new LongAdder();

    /**
     * @param buffers     the most free buffers kept; 0 keeps none (every block a fresh buffer)
     * @param blockLength the length of a pooled buffer; a longer block gets a plain one
     * @param direct      direct buffers rather than heap arrays
     * @param poison      overwrite every released buffer (tests)
     */
    public BlockPool(int buffers, int blockLength, boolean direct, boolean poison) {
        if (buffers < 0 || blockLength <= 0) {
            throw new IllegalArgumentException("pool of " + buffers + " buffers of " + blockLength + " bytes");
        }
        this.buffers = buffers;
        this.blockLength = blockLength;
        this.direct = direct;
        this.poison = poison;
    }

    /** The swarm's pool: {@value #DEFAULT_BUFFERS} buffers of 16 KiB at most. */
    public static BlockPool forSwarm() {
        return new BlockPool(DEFAULT_BUFFERS, 16 * 1024, false, false);
    }

    /**
     * A buffer for a block of {@code length} bytes: position 0, limit {@code length}. A free pooled
     * buffer when there is one; else a new pooled buffer only for a full-length block. A shorter block
     * (the last of a torrent, or a peer's tiny blocks) then gets a buffer of exactly its length, never
     * pooled: a peer sending 1-byte blocks costs what it sends, not 16 KiB each (Jazzer found that).
     */
    public Lease take(int length) {
        if (length <= blockLength) {
            ByteBuffer buffer;
            synchronized (free) {
                buffer = free.poll();
            }
            if (buffer != null) {
                reused.increment();
                return new Lease(this, buffer.clear().limit(length));
            }
            if (length == blockLength) {
                allocated.increment();
                return new Lease(this, direct ? ByteBuffer.allocateDirect(blockLength) : ByteBuffer.allocate(blockLength));
            }
        }
        allocated.increment();
        return new Lease(null, ByteBuffer.allocate(length));
    }

    /** Blocks decoded into a buffer given back earlier. */
    public long reused() {
        return reused.sum();
    }

    /** Blocks that got a new buffer: none was free, or the block was longer than a pooled one. */
    public long allocated() {
        return allocated.sum();
    }

    /** Free buffers now. */
    public int free() {
        synchronized (free) {
            return free.size();
        }
    }

    private void giveBack(ByteBuffer buffer) {
        if (poison) {
            buffer.clear();
            while (buffer.hasRemaining()) {
                buffer.put(POISON);
            }
        }
        synchronized (free) {
            if (free.size() < buffers) {
                free.push(buffer);
            }
        }
    }

    /** One taking of a buffer, released at most once. */
    public static final class Lease implements BlockLease {

        private final BlockPool pool;
        private final ByteBuffer buffer;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(BlockPool pool, ByteBuffer buffer) {
            this.pool = pool;
            this.buffer = buffer;
        }

        /** The buffer to fill: position 0, limit the block's length when taken. */
        public ByteBuffer buffer() {
            return buffer;
        }

        @Override
        public void release() {
            if (!released.compareAndSet(false, true)) {
                throw new IllegalStateException("a block buffer released twice");
            }
            if (pool != null) {
                pool.giveBack(buffer);
            }
        }
    }
}
