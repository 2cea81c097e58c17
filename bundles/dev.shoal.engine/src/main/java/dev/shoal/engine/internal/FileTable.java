package dev.shoal.engine.internal;

import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.PiecePriorities;
import dev.shoal.storage.api.PieceSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A torrent's files as people see them (padding files left out) over its pieces: what is verified
 * of each file, and which pieces the file priorities want. Immutable, no I/O.
 */
final class FileTable {

    private final List<FileEntry> files;
    private final int pieceLength;
    private final int pieceCount;
    private final long totalLength;

    FileTable(Metainfo torrent) {
        List<FileEntry> kept = new ArrayList<>();
        for (FileEntry file : torrent.files()) {
            if (!file.isPadding()) {
                kept.add(file);
            }
        }
        this.files = List.copyOf(kept);
        this.pieceLength = torrent.pieceLength();
        this.pieceCount = torrent.pieceCount();
        this.totalLength = torrent.totalLength();
    }

    int size() {
        return files.size();
    }

    /** Every file wanted normally. */
    FilePriority[] normal() {
        FilePriority[] priorities = new FilePriority[files.size()];
        Arrays.fill(priorities, FilePriority.NORMAL);
        return priorities;
    }

    List<FileStatus> statuses(PieceSet verified, FilePriority[] priorities) {
        List<FileStatus> statuses = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            FileEntry file = files.get(i);
            statuses.add(new FileStatus(i, file.relativePath(), file.length(), verifiedBytes(file, verified),
                    priorities[i]));
        }
        return List.copyOf(statuses);
    }

    /**
     * One level per piece: skipped only when every file in it is skipped, high when any file in it is
     * high. A piece holding no file's byte (only padding) is skipped: nothing in it is wanted.
     */
    PiecePriorities piecePriorities(FilePriority[] priorities) {
        byte[] levels = new byte[pieceCount];
        Arrays.fill(levels, PiecePriorities.SKIP);
        for (int i = 0; i < files.size(); i++) {
            FileEntry file = files.get(i);
            if (file.length() == 0) {
                continue;
            }
            byte level = level(priorities[i]);
            for (int piece = firstPiece(file); piece <= lastPiece(file); piece++) {
                levels[piece] = (byte) Math.max(levels[piece], level);
            }
        }
        return PiecePriorities.of(levels);
    }

    /** Every wanted piece is verified: there is nothing left to download. */
    static boolean complete(PieceSet verified, PiecePriorities wanted) {
        for (int piece = 0; piece < wanted.pieceCount(); piece++) {
            if (wanted.wanted(piece) && !verified.has(piece)) {
                return false;
            }
        }
        return true;
    }

    private long verifiedBytes(FileEntry file, PieceSet verified) {
        if (file.length() == 0) {
            return 0;
        }
        long bytes = 0;
        for (int piece = firstPiece(file); piece <= lastPiece(file); piece++) {
            if (verified.has(piece)) {
                long start = Math.max(file.offset(), (long) piece * pieceLength);
                long end = Math.min(file.end(), Math.min(totalLength, (long) (piece + 1) * pieceLength));
                bytes += end - start;
            }
        }
        return bytes;
    }

    private int firstPiece(FileEntry file) {
        return (int) (file.offset() / pieceLength);
    }

    private int lastPiece(FileEntry file) {
        return (int) ((file.end() - 1) / pieceLength);
    }

    private static byte level(FilePriority priority) {
        return switch (priority) {
            case SKIP -> PiecePriorities.SKIP;
            case NORMAL -> PiecePriorities.NORMAL;
            case HIGH -> PiecePriorities.HIGH;
        };
    }
}
