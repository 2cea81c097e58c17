package dev.shoal.storage.api;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One open torrent's files. Every method returns at once; disk work happens on the storage's own
 * disk thread. Stages complete on that thread, so their callbacks must be quick and must not wait on
 * other stages of the same storage.
 *
 * <p>Blocks follow the wire protocol's grid: a block starts at a multiple of {@link #BLOCK_LENGTH}
 * inside its piece and is {@code BLOCK_LENGTH} long, or shorter only when it ends the piece. A piece
 * is hashed once all its blocks are written; the {@link PieceListener} learns the outcome. File
 * priorities (skipping files) are not part of this version.
 */
@ProviderType
public interface TorrentStorage extends AutoCloseable {

    /** The block size of the wire protocol's requests: 16 KiB. */
    int BLOCK_LENGTH = 16 * 1024;

    /**
     * Completes when the startup check is done: with {@link CheckResult.Reason#RESUMED} and no piece
     * hashed when the resume data matched the files, with {@link CheckResult.Reason#RECOVERED} after an
     * unclean stop (only the pieces completed since the last resume save hashed), or with the result
     * of a full recheck.
     */
    CompletionStage<CheckResult> ready();

    /**
     * Writes one block. The buffer's remaining bytes belong to the storage until the returned stage
     * completes: it is written from directly, not copied, so the caller must not change it until
     * then. The stage completes once the bytes are handed to the file system; when the write queue
     * holds its bound of bytes, later than that, which is the caller's signal to read no more from
     * the network until it does. A block of a piece that is already verified is dropped (verified
     * data is never overwritten) and completes normally. Bytes falling in pad files are not written.
     *
     * @return a stage failing with {@link StorageException} of kind INVALID_BLOCK (outside the piece
     *         or off the block grid), DISK_FULL, PERMISSION, PATH_UNSAFE, IO, or CLOSED
     */
    CompletionStage<Void> writeBlock(int piece, int offset, ByteBuffer data);

    /**
     * Reads up to {@link #BLOCK_LENGTH} bytes of a verified piece, for uploading. Any offset and
     * length inside the piece are allowed. Pad-file bytes read as zeros.
     *
     * @return a fresh buffer, position 0, limit {@code length}; or a stage failing with kind
     *         NOT_VERIFIED for a piece that is not verified, INVALID_BLOCK, IO, or CLOSED
     */
    CompletionStage<ByteBuffer> readBlock(int piece, int offset, int length);

    /**
     * Reads {@code target}'s remaining bytes (at most {@link #BLOCK_LENGTH}) of a verified piece from
     * {@code offset} into {@code target}, for uploading straight from a buffer the caller sends: no
     * buffer of the storage's own, no copy. The buffer belongs to the storage until the stage
     * completes; its position and limit are left as they were. The same failures as
     * {@link #readBlock(int, int, int)}. By default that method's buffer, copied.
     */
    default CompletionStage<Void> readBlockInto(int piece, int offset, ByteBuffer target) {
        return readBlock(piece, offset, target.remaining()).thenAccept(data -> target.duplicate().put(data));
    }

    /**
     * Reads a piece back from disk and hashes it, whatever blocks were written, and records the
     * outcome as automatic verification does (the listener is told too).
     */
    CompletionStage<PieceResult> verify(int piece);

    /**
     * Hashes every piece whose files are on disk, replacing the verified set with what matches.
     * Writes wait until it is done.
     *
     * @param progress told after every piece; may be {@link CheckProgress#NONE}
     */
    CompletionStage<CheckResult> recheck(CheckProgress progress);

    /**
     * The verified pieces now: their data matched its hash. It is in the page cache at least, so a
     * killed process loses none of it; resume data records pieces only after forcing their files.
     */
    PieceSet verified();

    /**
     * The blocks the startup check found written of pieces not verified yet (recorded with the resume
     * data, or written after its last save by a process that was then killed), by piece index, each a
     * set of block indexes (offset / {@link #BLOCK_LENGTH}). A swarm starting on this storage need not
     * fetch them again: the piece is hashed when its other blocks are written, and should that fail
     * every block of it is wanted again. Empty until {@link #ready()} completes; blocks written since are
     * not in it. A fresh copy.
     *
     * @since 1.2
     */
    Map<Integer, BitSet> writtenBlocks();

    /** Saves fast-resume data now (it is also saved periodically, after pieces complete, and at close). */
    CompletionStage<Void> saveResume();

    /** Counters for monitoring and tests. */
    StorageStats stats();

    /**
     * Finishes the queued work, forces and closes the files and saves the resume data. Later calls
     * fail with CLOSED. Blocks until done (at most the queue's worth of writes), so it must not be
     * called from a stage's callback, which runs on the disk thread.
     *
     * @throws StorageException when the final resume save fails; the files are closed anyway
     */
    @Override
    void close() throws StorageException;
}
