package dev.shoal.metainfo.internal.parse;

import dev.shoal.metainfo.InvalidTorrentException;
import java.util.List;

/** Reads and checks 'piece length'. */
final class PieceLength {

    /** BEP 52's smallest piece: one 16 KiB block, the unit the merkle tree is built from. */
    static final int MIN_V2 = 16 * 1024;

    /** Larger pieces could not be held in memory to verify; no real torrent comes near. */
    static final int MAX = 1 << 30;

    private PieceLength() {
    }

    static int read(Fields info, boolean hasV2, List<String> warnings) throws InvalidTorrentException {
        long value = info.integer("piece length");
        if (value <= 0) {
            throw info.invalid("piece length", "must be positive, not " + value);
        }
        if (value > MAX) {
            throw info.invalid("piece length", "is " + value + ", larger than the 1 GiB Shoal supports");
        }
        boolean powerOfTwo = Long.bitCount(value) == 1;
        if (hasV2 && (!powerOfTwo || value < MIN_V2)) {
            throw info.invalid("piece length", "must be a power of two of at least 16 KiB in a v2 torrent, not "
                    + value);
        }
        if (!powerOfTwo) {
            warnings.add(info.pathOf("piece length") + " " + value + " is not a power of two");
        }
        return (int) value;
    }
}
