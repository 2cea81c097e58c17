package dev.shoal.create.standalone;

import dev.shoal.metainfo.CreateRequest;

/** Chooses a piece length for a new torrent (the rule is documented on {@link CreateRequest#AUTO_PIECE_LENGTH}). */
final class PieceLengths {

    /**
     * At most this many pieces: enough for fine-grained swarming and resume, few enough that the
     * piece list (20 bytes each) and the have-bitfield stay small.
     */
    static final long TARGET_MAX_PIECES = 2000;

    static final int MIN = 16 * 1024;
    static final int MAX_AUTO = 16 * 1024 * 1024;

    private PieceLengths() {
    }

    static int auto(long totalLength) {
        int length = MIN;
        while (length < MAX_AUTO && (totalLength + length - 1) / length > TARGET_MAX_PIECES) {
            length <<= 1;
        }
        return length;
    }
}
