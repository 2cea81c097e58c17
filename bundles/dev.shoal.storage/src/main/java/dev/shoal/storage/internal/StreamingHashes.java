package dev.shoal.storage.internal;

import dev.shoal.metainfo.Metainfo;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Hashes pieces as their blocks are written, while the bytes are still at hand, so that a piece
 * whose blocks came in order needs no read-back from disk to be verified (libtorrent does the same).
 * A block out of order ends a piece's streaming; that piece is then hashed from disk as before.
 * Disk thread only. Holds one digest per piece in progress, given back once the piece is checked (a
 * piece that fails starts over from its first block) or when everything is forgotten. Given-back
 * digests are reused: {@code MessageDigest.getInstance} looks the provider up each time, which was
 * a third of a piece's hashing cost on a download's disk thread.
 */
final class StreamingHashes {

    private static final int SPARE_DIGESTS = 8;

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
    /** Digests reset and ready for another piece; at most {@link #SPARE_DIGESTS}. */
    private final ArrayDeque<MessageDigest> spare = new ArrayDeque<>();

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
            giveBack(pieces.remove(piece).digest);
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
        if (progress == null) {
            return null;
        }
        if (progress.next != torrent.pieceSize(piece)) {
            giveBack(progress.digest);
            return null;
        }
        boolean matches = MessageDigest.isEqual(progress.digest.digest(), torrent.pieceHash(piece));
        giveBack(progress.digest); // digest() reset it
        return matches;
    }

    /**
     * Forgets every piece in progress: a recheck judges pieces by what is on disk now, which the
     * digests may no longer describe, and a closed storage needs none.
     */
    void clear() {
        pieces.clear();
        broken.clear();
    }

    private void giveBack(MessageDigest digest) {
        if (spare.size() < SPARE_DIGESTS) {
            digest.reset();
            spare.push(digest);
        }
    }

    private MessageDigest newDigest() {
        MessageDigest reused = spare.poll();
        if (reused != null) {
            return reused;
        }
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
