package dev.shoal.storage.internal;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageException.Kind;
import dev.shoal.storage.api.TorrentStorage;

/** Checks block coordinates before anything is queued: a peer's numbers are never trusted. */
final class BlockRequests {

    private BlockRequests() {
    }

    /** A write must be one block of the 16 KiB grid: aligned, full length unless it ends the piece. */
    static void checkWrite(Metainfo torrent, int piece, int offset, int length) throws StorageException {
        checkPiece(torrent, piece);
        int size = torrent.pieceSize(piece);
        if (offset < 0 || offset >= size || offset % TorrentStorage.BLOCK_LENGTH != 0) {
            throw invalid("block at " + offset + " of piece " + piece + " is not on the 16 KiB grid of its "
                    + size + " bytes");
        }
        int expected = Math.min(TorrentStorage.BLOCK_LENGTH, size - offset);
        if (length != expected) {
            throw invalid("block at " + offset + " of piece " + piece + " has " + length + " bytes, expected "
                    + expected);
        }
    }

    /** A read may be any range of up to one block inside the piece. */
    static void checkRead(Metainfo torrent, int piece, int offset, int length) throws StorageException {
        checkPiece(torrent, piece);
        int size = torrent.pieceSize(piece);
        if (offset < 0 || length < 1 || length > TorrentStorage.BLOCK_LENGTH || offset > size - length) {
            throw invalid("read of " + length + " bytes at " + offset + " is outside piece " + piece + " ("
                    + size + " bytes) or longer than 16 KiB");
        }
    }

    static void checkPiece(Metainfo torrent, int piece) throws StorageException {
        if (piece < 0 || piece >= torrent.pieceCount()) {
            throw invalid("piece " + piece + " does not exist (the torrent has " + torrent.pieceCount() + ")");
        }
    }

    private static StorageException invalid(String message) {
        return new StorageException(Kind.INVALID_BLOCK, message);
    }
}
