package dev.shoal.storage.internal;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.internal.io.PieceIo;
import java.nio.ByteBuffer;

/**
 * When a piece is complete and whether it matches its hash: its blocks are tracked as they are
 * written, so it is hashed once, when the last one lands; its hash comes from the bytes streamed
 * in as they were written, or else from reading it back. Disk thread only.
 */
final class PieceCompletion {

    private final Metainfo torrent;
    private final PieceIo io;
    private final BlockTracker blocks = new BlockTracker();
    private final StreamingHashes streaming;
    // Written on the disk thread only, read by stats() on any thread.
    private volatile long piecesHashed;

    PieceCompletion(Metainfo torrent, PieceIo io) {
        this.torrent = torrent;
        this.io = io;
        this.streaming = new StreamingHashes(torrent);
    }

    /**
     * Records a block just written at {@code offset} of {@code piece}; {@code bytes} are its bytes
     * (position to limit), not consumed. True when it was the piece's last missing block.
     */
    boolean written(int piece, int offset, ByteBuffer bytes) {
        streaming.written(piece, offset, bytes);
        return blocks.written(piece, offset, torrent.pieceSize(piece));
    }

    /** Whether the piece matches its hash: streamed when every byte of it was, else read back from disk. */
    boolean matches(int piece) throws StorageException {
        piecesHashed++;
        Boolean streamed = streaming.matches(piece);
        return streamed != null ? streamed : io.hashMatches(piece);
    }

    /** Blocks of an unfinished piece that a previous run wrote (see {@link BlockTracker#restore}). */
    void restore(int piece, java.util.BitSet written) {
        blocks.restore(piece, written);
    }

    /** The written blocks of every unfinished piece, by piece: a copy. */
    java.util.Map<Integer, java.util.BitSet> unfinished() {
        return blocks.snapshot();
    }

    /** The piece failed its hash: every block of it must be written again. */
    void failed(int piece) {
        blocks.clear(piece);
    }

    /**
     * A recheck is judging the pieces by what is on disk, which may have changed behind the storage's
     * back: the digests of pieces in progress are dropped, so those pieces are read back when they
     * complete. Their written blocks still count.
     */
    void rechecking() {
        streaming.clear();
    }

    /** The storage is closing: what it held for pieces in progress goes. */
    void clear() {
        blocks.clear();
        streaming.clear();
    }

    long piecesHashed() {
        return piecesHashed;
    }
}
