package dev.shoal.storage.internal.layout;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.Metainfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps the torrent's v1 byte stream onto its files: a piece range becomes the file spans it covers,
 * across as many file boundaries as it crosses. Zero-length files cover nothing and never appear in
 * a span.
 */
public final class FileLayout {

    private final List<FileEntry> files;
    private final long[] starts;
    private final long totalLength;
    private final int pieceLength;
    private final int pieceCount;

    public FileLayout(Metainfo torrent) {
        this.files = torrent.files();
        this.totalLength = torrent.totalLength();
        this.pieceLength = torrent.pieceLength();
        this.pieceCount = torrent.pieceCount();
        this.starts = new long[files.size()];
        long expected = 0;
        for (int i = 0; i < files.size(); i++) {
            FileEntry file = files.get(i);
            // Offsets are recomputed, not trusted: a hand-built Metainfo could overlap files.
            if (file.offset() != expected) {
                throw new IllegalArgumentException("file " + file.relativePath() + " starts at " + file.offset()
                        + ", expected " + expected);
            }
            starts[i] = expected;
            expected += file.length();
        }
    }

    public List<FileEntry> files() {
        return files;
    }

    public int pieceCount() {
        return pieceCount;
    }

    public long pieceStart(int piece) {
        return (long) piece * pieceLength;
    }

    /** The spans covering {@code length} bytes at {@code offset} of the torrent's byte stream. */
    public List<Span> spans(long offset, int length) {
        if (offset < 0 || length < 0 || offset + length > totalLength) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside the torrent's "
                    + totalLength + " bytes");
        }
        List<Span> spans = new ArrayList<>(2);
        int index = fileAt(offset);
        long position = offset;
        long end = offset + length;
        while (position < end) {
            FileEntry file = files.get(index);
            long inFile = position - starts[index];
            int take = (int) Math.min(end - position, file.length() - inFile);
            if (take > 0) {
                spans.add(new Span(index, inFile, take, file.isPadding()));
                position += take;
            }
            index++;
        }
        return spans;
    }

    /** The spans of a whole piece. */
    public List<Span> pieceSpans(int piece, int pieceSize) {
        return spans(pieceStart(piece), pieceSize);
    }

    /** The index of the non-empty file holding byte {@code offset}. */
    private int fileAt(long offset) {
        int found = Arrays.binarySearch(starts, offset);
        if (found < 0) {
            return -found - 2;
        }
        // Zero-length files share their start with the next file: skip to the last file starting here.
        while (found + 1 < starts.length && starts[found + 1] == offset) {
            found++;
        }
        return found;
    }
}
