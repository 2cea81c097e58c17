package dev.shoal.engine.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The forced writes the torrent store makes, and only those: what costs a disk flush each, so that a
 * test can count them over real files ({@link PlatformDisk} does the work).
 */
interface StoreDisk {

    /** Forces what was written through {@code channel} onto the disk: a journal batch's one sync. */
    void force(FileChannel channel) throws IOException;

    /** Forces a file written earlier without a sync (a journal segment's files, as it is retired). */
    void forceFile(Path file) throws IOException;

    /** Forces a directory's entries: the files created, renamed and deleted in it. */
    void forceDirectory(Path directory) throws IOException;
}
