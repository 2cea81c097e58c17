package dev.shoal.engine.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The real {@link StoreDisk}: fsync of a file or a directory. */
final class PlatformDisk implements StoreDisk {

    @Override
    public void force(FileChannel channel) throws IOException {
        channel.force(true);
    }

    @Override
    public void forceFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (NoSuchFileException e) {
            // Deleted since it was written: the directory's sync makes that durable.
        }
    }

    @Override
    public void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // A platform that cannot open a directory (Windows) still renames atomically.
        }
    }
}
