package dev.shoal.storage.internal;

import dev.shoal.storage.api.TorrentStorage;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which blocks of each unfinished piece have been written, so a piece is hashed once, when its last
 * block lands, and a restart knows them (they go into the resume data). Disk thread only. Memory is
 * bounded by the torrent: one bit per block of the pieces in progress.
 */
final class BlockTracker {

    private final Map<Integer, BitSet> partial = new HashMap<>();

    /** Records a block; true when every block of the piece is now written. */
    boolean written(int piece, int offset, int pieceSize) {
        int blocks = blocks(pieceSize);
        BitSet bits = partial.computeIfAbsent(piece, p -> new BitSet(blocks));
        bits.set(offset / TorrentStorage.BLOCK_LENGTH);
        if (bits.cardinality() == blocks) {
            partial.remove(piece);
            return true;
        }
        return false;
    }

    /** Blocks a previous run wrote of a piece it did not finish (fewer than all of them). */
    void restore(int piece, BitSet blocks) {
        partial.put(piece, (BitSet) blocks.clone());
    }

    /** A copy of the written blocks of every unfinished piece, by piece. */
    Map<Integer, BitSet> snapshot() {
        Map<Integer, BitSet> copy = new TreeMap<>();
        partial.forEach((piece, bits) -> copy.put(piece, (BitSet) bits.clone()));
        return copy;
    }

    /**
     * Forgets a piece's blocks: it failed its hash. (A block whose write failed was never recorded,
     * so its piece simply waits for it again.)
     */
    void clear(int piece) {
        partial.remove(piece);
    }

    /** Forgets every piece's blocks (the storage is closing). */
    void clear() {
        partial.clear();
    }

    static int blocks(int pieceSize) {
        return (pieceSize + TorrentStorage.BLOCK_LENGTH - 1) / TorrentStorage.BLOCK_LENGTH;
    }
}
