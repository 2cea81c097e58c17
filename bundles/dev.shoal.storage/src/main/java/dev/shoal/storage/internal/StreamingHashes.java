package dev.shoal.storage.internal;

import dev.shoal.metainfo.Metainfo;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Hashes pieces as their blocks are written, while the bytes are still at hand, so that a piece
 * whose blocks came in order needs no read-back from disk to be verified (libtorrent does the same).
 * A block out of order ends a piece's streaming; that piece is then hashed from disk as before.
 * Disk thread only. Holds one digest per piece in progress, dropped once the piece is checked (a
 * piece that fails starts over from its first block) or when everything is forgotten.
 */
final class StreamingHashes {

    private static final class Progress {
        final MessageDigest digest;
        long next;

        Progress(MessageDigest digest) {
            this.digest = digest;
        }
    }

    private final Metainfo torrent;
    private final boolean enabled;
    private final Map<Integer, Progress> pieces = new HashMap<>();
    private final BitSet broken = new BitSet();

    StreamingHashes(Metainfo torrent) {
        this.torrent = torrent;
        // Pad-file bytes read back as zeros whatever a peer sent for them: hash those from disk.
        this.enabled = torrent.files().stream().noneMatch(file -> file.isPadding());
    }

    /** A block was written: {@code data} is its bytes (position to limit), not consumed. */
    void written(int piece, int offset, ByteBuffer data) {
        if (!enabled || broken.get(piece)) {
            return;
        }
        Progress progress = pieces.get(piece);
        if (progress == null) {
            if (offset != 0) {
                broken.set(piece);
                return;
            }
            progress = new Progress(newDigest());
            pieces.put(piece, progress);
        }
        if (offset != progress.next) {
            pieces.remove(piece);
            broken.set(piece);
            return;
        }
        progress.digest.update(data.duplicate());
        progress.next += data.remaining();
    }

    /**
     * Whether the piece matched its hash, if every byte of it was streamed; null when it must be
     * hashed from disk. Forgets the piece either way.
     */
    Boolean matches(int piece) {
        Progress progress = pieces.remove(piece);
        broken.clear(piece);
        if (progress == null || progress.next != torrent.pieceSize(piece)) {
            return null;
        }
        return MessageDigest.isEqual(progress.digest.digest(), torrent.pieceHash(piece));
    }

    /**
     * Forgets every piece in progress: a recheck judges pieces by what is on disk now, which the
     * digests may no longer describe, and a closed storage needs none.
     */
    void clear() {
        pieces.clear();
        broken.clear();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
