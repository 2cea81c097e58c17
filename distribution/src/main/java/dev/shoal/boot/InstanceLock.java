package dev.shoal.boot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * One Shoal daemon per data directory: an exclusive lock on {@code <data>/shoal.lock}, which the
 * operating system releases when the process ends, however it ends; a stale file locks nothing.
 * Beside it, {@code shoal.instance} says what kind of Shoal holds the lock (a desktop or a headless
 * daemon), so that a second launch knows, before the holder's commands are up, whether a window is
 * coming to open its torrents in. It is read only while the lock is held, so a stale one says nothing.
 */
final class InstanceLock {

    static final String FILE = "shoal.lock";
    static final String KIND_FILE = "shoal.instance";

    /** What holds the lock. */
    enum Kind {
        DESKTOP, DAEMON;

        /** What {@code shoal.instance} says; {@link #DAEMON} when it says nothing readable. */
        static Kind of(Path dataDir) {
            try {
                return Files.readString(dataDir.resolve(KIND_FILE)).strip().equals("desktop") ? DESKTOP : DAEMON;
            } catch (IOException | RuntimeException e) {
                return DAEMON;
            }
        }

        void writeTo(Path dataDir) throws IOException {
            Files.writeString(dataDir.resolve(KIND_FILE), name().toLowerCase(Locale.ROOT) + "\n");
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process (or this one) holds it. */
    static Optional<InstanceLock> tryAcquire(Path dataDir) throws IOException {
        FileChannel channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new InstanceLock(channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // Held by this JVM already.
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return Optional.empty();
    }

    void release() throws IOException {
        lock.release();
        channel.close();
    }
}
