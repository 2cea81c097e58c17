package dev.shoal.storage.internal.resume;

import dev.shoal.storage.api.PieceSet;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a restart needs to skip the recheck: whose data it is, which pieces were verified (and forced
 * to disk) when it was saved, which blocks of the unfinished pieces were written (forced too), each
 * file's stamp at that moment, and the generation of the {@link WriteJournal} that records the blocks
 * written after it.
 *
 * @param infoHash   the torrent's info-hash bytes
 * @param verified   the verified pieces
 * @param unfinished the written blocks of pieces not verified, by piece index (as libtorrent's
 *                   {@code unfinished} entries: a bit per block)
 * @param files      one stamp per torrent file, pad files included (always ABSENT)
 * @param generation counts the saves; the journal written after this save carries the same number
 */
public record ResumeData(byte[] infoHash, PieceSet verified, Map<Integer, BitSet> unfinished, List<FileStamp> files,
        long generation) {

    public ResumeData {
        infoHash = infoHash.clone();
        unfinished = Collections.unmodifiableMap(copy(unfinished));
        files = List.copyOf(files);
    }

    /** Version 1's content: no blocks of unfinished pieces, no journal. */
    public ResumeData(byte[] infoHash, PieceSet verified, List<FileStamp> files) {
        this(infoHash, verified, Map.of(), files, 0);
    }

    @Override
    public byte[] infoHash() {
        return infoHash.clone();
    }

    /** A fresh, changeable copy: piece index to its written blocks. */
    @Override
    public Map<Integer, BitSet> unfinished() {
        return copy(unfinished);
    }

    /** True when this data is for {@code hash}, a torrent of {@code pieceCount} pieces and {@code fileCount} files. */
    public boolean fits(byte[] hash, int pieceCount, int fileCount) {
        return Arrays.equals(infoHash, hash) && verified.pieceCount() == pieceCount && files.size() == fileCount;
    }

    private static Map<Integer, BitSet> copy(Map<Integer, BitSet> blocks) {
        Map<Integer, BitSet> copy = new TreeMap<>();
        blocks.forEach((piece, bits) -> copy.put(piece, (BitSet) bits.clone()));
        return copy;
    }
}
