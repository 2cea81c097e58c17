package dev.shoal.storage.internal.resume;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * A file's size and modification time, the evidence that nobody touched it since the resume data was
 * saved. The time is kept in nanoseconds, as fine as the file system gives it.
 *
 * @param size      bytes, or -1 when the file does not exist
 * @param mtimeNanos modification time since the epoch, or -1 when the file does not exist
 */
public record FileStamp(long size, long mtimeNanos) {

    public static final FileStamp ABSENT = new FileStamp(-1, -1);

    /** Reads the stamp of {@code path} without following a symlink. */
    public static FileStamp of(Path path) throws IOException {
        try {
            BasicFileAttributes attributes = java.nio.file.Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            Instant time = attributes.lastModifiedTime().toInstant();
            return new FileStamp(attributes.size(), time.getEpochSecond() * 1_000_000_000L + time.getNano());
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
    }
}
