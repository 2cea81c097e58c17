package dev.shoal.metainfo.internal.parse;

import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.internal.text.Quote;
import java.util.ArrayList;
import java.util.List;

/**
 * A hybrid torrent describes the same files twice. If the two descriptions disagree, v1 and v2
 * peers would download different data under one name, so any difference is an error.
 */
final class Hybrid {

    private Hybrid() {
    }

    /**
     * Checks that the v1 files other than pad files match the v2 files in order, path and length,
     * and that each non-empty file starts on a piece boundary (what lets one set of bytes satisfy
     * both hash schemes). Returns the v1 list with each file's v2 pieces root attached.
     */
    static Layout merge(Layout v1, Layout v2, long pieceLength) throws InvalidTorrentException {
        List<RawFile> v2Files = v2.files();
        long realV1Files = v1.files().stream().filter(f -> !f.isPadding()).count();
        if (realV1Files != v2Files.size()) {
            throw new InvalidTorrentException("hybrid torrent's v1 and v2 file lists differ: v1 has " + realV1Files
                    + " files and v2 has " + v2Files.size());
        }
        if (v1.singleFile() != v2.singleFile()) {
            throw new InvalidTorrentException("hybrid torrent's v1 and v2 file lists differ: one is a single file"
                    + " and the other a directory");
        }
        List<RawFile> merged = new ArrayList<>(v1.files().size());
        int next = 0;
        long offset = 0;
        for (RawFile file : v1.files()) {
            if (file.isPadding()) {
                merged.add(file);
            } else {
                RawFile other = v2Files.get(next);
                if (!file.path().equals(other.path()) || file.length() != other.length()) {
                    throw new InvalidTorrentException("hybrid torrent's v1 and v2 file lists differ: file " + next
                            + " is " + describe(file) + " in v1 but " + describe(other) + " in v2");
                }
                if (file.length() > 0 && offset % pieceLength != 0) {
                    throw new InvalidTorrentException("hybrid torrent's file " + Quote.of(file.joinedPath())
                            + " does not start on a piece boundary (offset " + offset + ")");
                }
                merged.add(file.withPiecesRoot(other.piecesRoot()));
                next++;
            }
            offset += file.length();
        }
        return new Layout(merged, v1.singleFile());
    }

    private static String describe(RawFile file) {
        return Quote.of(file.joinedPath()) + " (" + file.length() + " bytes)";
    }
}
