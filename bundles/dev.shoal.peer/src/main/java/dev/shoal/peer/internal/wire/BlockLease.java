package dev.shoal.peer.internal.wire;

/**
 * Who takes a received block's buffer back once nothing will read the block again, so the next
 * block can be decoded into it instead of into a fresh 16 KiB array. A block that is simply dropped
 * is never released: the garbage collector takes it, and its pool allocates another. Releasing early
 * is the one thing that must not happen (the bytes would change under whoever still reads them).
 */
@FunctionalInterface
public interface BlockLease {

    /** Nothing to give back: a block over bytes of its own (sent blocks, tests). */
    BlockLease NONE = () -> { };

    /**
     * Gives the buffer back. At most once, and only when no one will read the block's bytes again:
     * after the storage's write of them completed, or instead of writing them at all.
     *
     * @throws IllegalStateException when it was released already
     */
    void release();
}
