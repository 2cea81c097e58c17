package dev.shoal.storage.internal.resume;

import dev.shoal.bencode.DecoderLimits;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.internal.layout.IoErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Reads and atomically replaces a resume file: written to a temp file beside it, forced, renamed over
 * the old one, and the directory forced, so a crash leaves either the old file or the new one, never
 * half of one.
 */
public final class ResumeFile {

    /** Resume data is a bitfield and two numbers per file; 64 MiB is far past any real torrent. */
    static final int MAX_BYTES = 64 << 20;
    private static final DecoderLimits LIMITS = new DecoderLimits(MAX_BYTES, 8, MAX_BYTES, 4_000_000);

    private final Path path;

    public ResumeFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    public Path path() {
        return path;
    }

    /** The result of reading: data, nothing there, or a reason it is unusable. */
    public record Loaded(Optional<ResumeData> data, Optional<String> problem) {
    }

    public Loaded load() {
        try {
            if (Files.size(path) > MAX_BYTES) {
                return problem("larger than " + MAX_BYTES + " bytes");
            }
            return new Loaded(Optional.of(ResumeCodec.decode(Files.readAllBytes(path), LIMITS)), Optional.empty());
        } catch (NoSuchFileException e) {
            return new Loaded(Optional.empty(), Optional.empty());
        } catch (IOException | IllegalArgumentException e) {
            return problem(e.getMessage());
        }
    }

    public void save(ResumeData data) throws StorageException {
        byte[] bytes = ResumeCodec.encode(data);
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            Files.createDirectories(path.getParent());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(path.getParent());
        } catch (IOException e) {
            throw IoErrors.map(e, path, "saving resume data to");
        }
    }

    /** Makes the rename durable; not every platform can open a directory, which is then left as is. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open directories; the rename is still atomic there.
        }
    }

    private Loaded problem(String why) {
        return new Loaded(Optional.empty(), Optional.of(path + ": " + why));
    }
}
