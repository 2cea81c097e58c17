package dev.shoal.storage.internal.layout;

import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageException.Kind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns the JDK's I/O exceptions into one-line {@link StorageException}s that name the file. The JDK
 * reports ENOSPC, EDQUOT and EFBIG only through the message text, so that is what is matched.
 */
public final class IoErrors {

    private IoErrors() {
    }

    /** @param doing what was being done, as in "writing" or "opening" */
    public static StorageException map(IOException e, Path file, String doing) {
        if (e instanceof StorageException already) {
            return already;
        }
        Kind kind = kindOf(e);
        String reason = reasonOf(e);
        String message = switch (kind) {
            case DISK_FULL -> "disk full " + doing + " " + file + " (" + reason + ")";
            case PERMISSION -> "permission denied " + doing + " " + file;
            default -> "I/O error " + doing + " " + file + ": " + reason;
        };
        return new StorageException(kind, file, message, e);
    }

    static Kind kindOf(IOException e) {
        if (e instanceof AccessDeniedException) {
            return Kind.PERMISSION;
        }
        String text = reasonOf(e).toLowerCase(Locale.ROOT);
        if (text.contains("no space left") || text.contains("quota exceeded") || text.contains("file too large")) {
            return Kind.DISK_FULL;
        }
        if (text.contains("permission denied") || text.contains("read-only file system")) {
            return Kind.PERMISSION;
        }
        return Kind.IO;
    }

    private static String reasonOf(IOException e) {
        String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (reason == null) {
            reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        // One line, whatever the platform put in the message.
        return reason.replace('\n', ' ').replace('\r', ' ');
    }
}
