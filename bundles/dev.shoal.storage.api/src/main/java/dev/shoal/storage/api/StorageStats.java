package dev.shoal.storage.api;

/**
 * A snapshot of a storage's counters.
 *
 * @param queuedBytes        bytes of blocks handed to the disk thread and not yet written
 * @param maxQueuedBytes     the most there ever were (never above the queue bound, except that one
 *                           block larger than the bound may pass alone)
 * @param waitingWrites      writes waiting for room in the queue
 * @param openFiles          file channels open now
 * @param maxOpenFiles       the most there ever were (never above the open-file limit)
 * @param piecesHashed       pieces hashed since open, by any means
 * @param resumeSaves        resume files written since open
 */
public record StorageStats(long queuedBytes, long maxQueuedBytes, int waitingWrites, int openFiles,
        int maxOpenFiles, long piecesHashed, long resumeSaves) {
}
