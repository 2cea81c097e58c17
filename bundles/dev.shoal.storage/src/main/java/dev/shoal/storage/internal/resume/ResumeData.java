package dev.shoal.storage.internal.resume;

import dev.shoal.storage.api.PieceSet;
import java.util.Arrays;
import java.util.List;

/**
 * What a restart needs to skip the recheck: whose data it is, which pieces were verified (and forced
 * to disk) when it was saved, and each file's stamp at that moment.
 *
 * @param infoHash the torrent's info-hash bytes
 * @param verified the verified pieces
 * @param files    one stamp per torrent file, pad files included (always ABSENT)
 */
public record ResumeData(byte[] infoHash, PieceSet verified, List<FileStamp> files) {

    public ResumeData {
        infoHash = infoHash.clone();
        files = List.copyOf(files);
    }

    @Override
    public byte[] infoHash() {
        return infoHash.clone();
    }

    /** True when this data is for {@code hash}, a torrent of {@code pieceCount} pieces and {@code fileCount} files. */
    public boolean fits(byte[] hash, int pieceCount, int fileCount) {
        return Arrays.equals(infoHash, hash) && verified.pieceCount() == pieceCount && files.size() == fileCount;
    }
}
