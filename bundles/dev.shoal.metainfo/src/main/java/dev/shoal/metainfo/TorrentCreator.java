package dev.shoal.metainfo;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes v1 torrents from files on disk.
 *
 * <p>A file gives a single-file torrent; a directory a multi-file one holding every regular file
 * below it, hidden and empty ones included, ordered by their '/'-joined path as UTF-8 bytes.
 * Symbolic links inside the directory are not followed and not included (they are skipped
 * without an error), and neither are other special files; a link given as the source itself is
 * followed. Pieces span file boundaries, as in BEP 3; no pad files are added.
 *
 * <p>The {@code dev.shoal.create} bundle registers it as a service (its configuration sets the
 * number of hashing threads) and holds the code that hashes: this library only describes the
 * request and the result, so a fix to the creator is an update of that bundle alone.
 */
@ProviderType
public interface TorrentCreator {

    /**
     * Hashes the source and returns the torrent, already parsed back and checked.
     *
     * @throws IOException when the source cannot be read, holds no data, changes while it is
     *                     hashed, or has a file name that is unsafe on some platform (the message
     *                     says which); {@link java.io.InterruptedIOException} when the calling
     *                     thread is interrupted
     */
    CreatedTorrent create(CreateRequest request, HashProgress progress) throws IOException;

    default CreatedTorrent create(CreateRequest request) throws IOException {
        return create(request, HashProgress.NONE);
    }
}
