package dev.shoal.storage.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How a torrent's storage behaves.
 *
 * @param allocation     sparse files, or space reserved up front
 * @param queueBytes     the most block bytes handed to the disk thread at once; a write beyond it
 *                       waits (its stage completes later) rather than growing memory
 * @param resumeInterval how often resume data is saved while something changed (also after pieces
 *                       complete, at most this often, and at close)
 * @param openFileLimit  the most file channels kept open at once (least recently used are closed),
 *                       so a torrent with 100,000 files cannot exhaust file descriptors
 */
public record StorageOptions(Allocation allocation, long queueBytes, Duration resumeInterval, int openFileLimit) {

    /** How files get their space. */
    public enum Allocation {
        /**
         * Files are created when first written and grow as blocks land; unwritten ranges are holes
         * on file systems that support them. Fast to start; a full disk shows up mid-download.
         */
        SPARSE,
        /**
         * Every file is created at open and zeros are written from its current end to its full
         * length, so its blocks are really reserved (Java has no fallocate; {@code setLength} would
         * only make a sparse file on Linux). Costs one sequential write of the missing bytes, once;
         * a full disk shows up at open. Existing data is never overwritten.
         */
        PREALLOCATE
    }

    /** Sparse files, 16 MiB queue, resume every 30 s, 64 open files. */
    public static final StorageOptions DEFAULT =
            new StorageOptions(Allocation.SPARSE, 16L << 20, Duration.ofSeconds(30), 64);

    public StorageOptions {
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(resumeInterval, "resumeInterval");
        if (queueBytes < TorrentStorage.BLOCK_LENGTH) {
            throw new IllegalArgumentException("the queue must hold at least one block (16384 bytes), not "
                    + queueBytes);
        }
        if (resumeInterval.isNegative() || resumeInterval.isZero()) {
            throw new IllegalArgumentException("the resume interval must be positive: " + resumeInterval);
        }
        if (openFileLimit < 1) {
            throw new IllegalArgumentException("at least one file must be allowed open, not " + openFileLimit);
        }
    }

    public StorageOptions withAllocation(Allocation value) {
        return new StorageOptions(value, queueBytes, resumeInterval, openFileLimit);
    }

    public StorageOptions withQueueBytes(long value) {
        return new StorageOptions(allocation, value, resumeInterval, openFileLimit);
    }

    public StorageOptions withResumeInterval(Duration value) {
        return new StorageOptions(allocation, queueBytes, value, openFileLimit);
    }

    public StorageOptions withOpenFileLimit(int value) {
        return new StorageOptions(allocation, queueBytes, resumeInterval, value);
    }
}
