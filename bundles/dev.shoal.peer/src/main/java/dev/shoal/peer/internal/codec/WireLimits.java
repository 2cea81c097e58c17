package dev.shoal.peer.internal.codec;

import dev.shoal.storage.api.TorrentStorage;

/**
 * What a peer may send us, checked from the frame header before any payload is buffered, so a
 * length prefix of 2^31-1 costs nothing.
 *
 * @param maxBlockLength   largest block in a piece message: what we request (16 KiB)
 * @param maxRequestLength largest block a request, cancel or reject may name; larger ones are a
 *                         wire error, smaller ones above 16 KiB are for the protocol layer to refuse
 * @param maxFrameLength   largest frame of any kind (its length prefix), e.g. for extended messages
 * @param pieceCount       pieces in the torrent, or {@link #UNKNOWN_PIECE_COUNT} before the handshake
 *                         says which torrent this is; when known, a bitfield must have exactly
 *                         ceil(pieceCount / 8) bytes and no spare bit set
 */
public record WireLimits(int maxBlockLength, int maxRequestLength, int maxFrameLength, int pieceCount) {

    public static final int UNKNOWN_PIECE_COUNT = -1;
    /** The block size of requests: the storage's grid ({@link TorrentStorage#BLOCK_LENGTH}), one number for both. */
    public static final int BLOCK_LENGTH = TorrentStorage.BLOCK_LENGTH;
    /** Length prefix excluded: id, piece index and begin. */
    public static final int PIECE_HEADER = 1 + 4 + 4;

    public static final WireLimits DEFAULT =
            new WireLimits(BLOCK_LENGTH, 128 * 1024, 1024 * 1024 + 13, UNKNOWN_PIECE_COUNT);

    public WireLimits {
        if (maxBlockLength <= 0 || maxRequestLength <= 0) {
            throw new IllegalArgumentException("block and request limits must be positive");
        }
        if (maxFrameLength < PIECE_HEADER + maxBlockLength) {
            throw new IllegalArgumentException("the frame limit " + maxFrameLength
                    + " must hold a piece message of " + maxBlockLength + " bytes");
        }
        if (pieceCount < UNKNOWN_PIECE_COUNT) {
            throw new IllegalArgumentException("piece count must be -1 (unknown) or at least 0, not " + pieceCount);
        }
    }

    public WireLimits withPieceCount(int count) {
        return new WireLimits(maxBlockLength, maxRequestLength, maxFrameLength, count);
    }

    public boolean pieceCountKnown() {
        return pieceCount != UNKNOWN_PIECE_COUNT;
    }

    /** Exactly ceil(pieceCount / 8) when known, else whatever fits in a frame. */
    public int maxBitfieldLength() {
        return pieceCountKnown() ? (int) ((pieceCount + 7L) / 8) : maxFrameLength - 1;
    }
}
