package dev.shoal.peer.internal.picker;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A piece being downloaded: for each block, who was asked for it and whether it arrived. */
final class PartialPiece<P> {

    final int piece;
    private final int pieceSize;
    private final List<List<P>> requesters;
    private final boolean[] received;
    private int receivedCount;
    private int requestedOrReceived;
    /** Everyone who sent a block of this piece: the suspects when it fails its hash. */
    private final Set<P> contributors = new HashSet<>();

    PartialPiece(int piece, int pieceSize) {
        this.piece = piece;
        this.pieceSize = pieceSize;
        int blocks = (pieceSize + PiecePicker.BLOCK_SIZE - 1) / PiecePicker.BLOCK_SIZE;
        this.requesters = new ArrayList<>(blocks);
        for (int i = 0; i < blocks; i++) {
            requesters.add(new ArrayList<>(1));
        }
        this.received = new boolean[blocks];
    }

    int blockCount() {
        return received.length;
    }

    Block block(int index) {
        int offset = index * PiecePicker.BLOCK_SIZE;
        return new Block(piece, offset, Math.min(PiecePicker.BLOCK_SIZE, pieceSize - offset));
    }

    boolean matches(Block block) {
        return block.offset() % PiecePicker.BLOCK_SIZE == 0 && block.index() < received.length
                && block(block.index()).equals(block);
    }

    boolean isReceived(int index) {
        return received[index];
    }

    List<P> requestersOf(int index) {
        return requesters.get(index);
    }

    /** True when no block is left that nobody has been asked for. */
    boolean fullyRequested() {
        return requestedOrReceived == received.length;
    }

    boolean complete() {
        return receivedCount == received.length;
    }

    void request(int index, P peer) {
        List<P> asked = requesters.get(index);
        if (asked.isEmpty()) {
            requestedOrReceived++;
        }
        asked.add(peer);
    }

    /** Forgets that {@code peer} was asked; false if it was not. */
    /** Asks {@code peer} for this piece's blocks nobody was asked for, until {@code picked} holds {@code max}. */
    void takeFree(P peer, int max, List<Block> picked) {
        for (int i = 0; i < blockCount() && picked.size() < max; i++) {
            if (!isReceived(i) && requestersOf(i).isEmpty()) {
                request(i, peer);
                picked.add(block(i));
            }
        }
    }

    /** End game: asks {@code peer} too for missing blocks exactly {@code requesters} others were asked for. */
    void askAgain(P peer, int requesters, int max, List<Block> picked) {
        for (int i = 0; i < blockCount() && picked.size() < max; i++) {
            List<P> asked = requestersOf(i);
            if (!isReceived(i) && asked.size() == requesters && !asked.contains(peer)) {
                request(i, peer);
                picked.add(block(i));
            }
        }
    }

    /** Forgets every request to {@code peer}. */
    void releaseAll(P peer) {
        for (int i = 0; i < blockCount(); i++) {
            release(i, peer);
        }
    }

    boolean release(int index, P peer) {
        List<P> asked = requesters.get(index);
        if (!asked.remove(peer)) {
            return false;
        }
        if (asked.isEmpty() && !received[index]) {
            requestedOrReceived--;
        }
        return true;
    }

    /** Marks the block received from {@code peer}; returns the others that were asked too. */
    List<P> receive(int index, P peer) {
        List<P> others = new ArrayList<>(requesters.get(index));
        others.remove(peer);
        if (requesters.get(index).isEmpty()) {
            requestedOrReceived++;
        }
        requesters.get(index).clear();
        received[index] = true;
        receivedCount++;
        contributors.add(peer);
        return others;
    }

    /**
     * These blocks are on disk already (nobody sent them in this run): they are not asked for. False,
     * and nothing marked, when they are not this piece's or are all of it, which would leave the piece
     * waiting for a write that never comes.
     */
    boolean onDisk(BitSet blocks) {
        if (blocks.length() > received.length || blocks.cardinality() >= received.length) {
            return false;
        }
        for (int i = blocks.nextSetBit(0); i >= 0; i = blocks.nextSetBit(i + 1)) {
            if (!received[i]) {
                if (requesters.get(i).isEmpty()) {
                    requestedOrReceived++;
                }
                requesters.get(i).clear();
                received[i] = true;
                receivedCount++;
            }
        }
        return true;
    }

    /**
     * Counts every received block as missing again: the storage they were written to was replaced.
     * Requests in flight stay; nobody contributed to what is left.
     */
    void forgetReceived() {
        for (int i = 0; i < received.length; i++) {
            if (received[i]) {
                received[i] = false;
                receivedCount--;
                requestedOrReceived--;
            }
        }
        contributors.clear();
    }

    Set<P> contributors() {
        return Set.copyOf(contributors);
    }

    void checkInvariant() {
        int count = 0;
        int covered = 0;
        for (int i = 0; i < received.length; i++) {
            if (received[i]) {
                count++;
                if (!requesters.get(i).isEmpty()) {
                    throw new IllegalStateException("piece " + piece + " block " + i + " received but still requested");
                }
            }
            if (received[i] || !requesters.get(i).isEmpty()) {
                covered++;
            }
        }
        if (count != receivedCount || covered != requestedOrReceived) {
            throw new IllegalStateException("piece " + piece + " counts out of step");
        }
    }
}
