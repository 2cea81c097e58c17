package dev.shoal.storage.internal.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens a file's channel. The storage uses {@link #DEFAULT}; tests substitute a real device (such as
 * /dev/full) to meet real errors without root.
 */
@FunctionalInterface
public interface ChannelOpener {

    /** Read-write, created when missing, never following a symlink at the file itself. */
    ChannelOpener DEFAULT = (path, create) -> create
            ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    LinkOption.NOFOLLOW_LINKS)
            : FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    /** @param create true to open for writing (creating the file), false to open read-only */
    FileChannel open(Path path, boolean create) throws IOException;
}
