package dev.shoal.storage.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A storage operation failed. The message is one line and names the file when there is one.
 * Nothing already verified is lost by a failure: verified pieces are never rewritten.
 */
public final class StorageException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, so the engine can react (pause the torrent, tell the user, drop a peer). */
    public enum Kind {
        /** No space left on the device (or quota exceeded, or the file size limit reached). */
        DISK_FULL,
        /** The file system refused access. */
        PERMISSION,
        /** A path would leave the download directory (by '..', an absolute path or a symlink). */
        PATH_UNSAFE,
        /** Any other I/O error. */
        IO,
        /** A block outside its piece, off the 16 KiB grid, or too long. */
        INVALID_BLOCK,
        /** A read of a piece that is not verified: unverified data is never uploaded. */
        NOT_VERIFIED,
        /** The storage is closed. */
        CLOSED
    }

    private final Kind kind;
    private final transient Path file;

    public StorageException(Kind kind, Path file, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.file = file;
    }

    public StorageException(Kind kind, String message) {
        this(kind, null, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The file concerned, when there is one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
