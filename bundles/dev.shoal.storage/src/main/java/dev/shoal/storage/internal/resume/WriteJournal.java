package dev.shoal.storage.internal.resume;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of what was written since the last resume save: a header naming that save's generation,
 * then eight bytes per event, appended as it happens (a block written, after its bytes were handed to
 * the file system; a piece that failed its hash). Nothing is forced: a killed process leaves its
 * writes in the page cache, where the next start finds them, so after a {@code kill -9} the journal
 * tells which blocks the files hold beyond what the resume data says. After a power loss it may claim
 * blocks that never reached the device; that only costs a piece whose hash fails when it completes,
 * since no piece counts as verified before its hash matched. Each resume save starts it anew.
 */
public final class WriteJournal implements AutoCloseable {

    /** One event: block {@code block} of {@code piece} written, or the piece failed its hash (block -1). */
    public record Entry(int piece, int block) {

        public boolean failed() {
            return block < 0;
        }
    }

    private static final long MAGIC = 0x53686f616c4a6e31L;
    private static final int HEADER = 16;
    private static final int ENTRY = 8;
    /** A journal holds the blocks of one resume interval; one this large is not Shoal's. */
    static final long MAX_BYTES = 64L << 20;

    private final Path path;
    private final ByteBuffer buffer = ByteBuffer.allocate(HEADER);
    private FileChannel channel;
    private long end;

    public WriteJournal(Path path) {
        this.path = path;
    }

    /** The journal kept beside a resume file. */
    public static Path beside(Path resumeFile) {
        return resumeFile.resolveSibling(resumeFile.getFileName() + ".journal");
    }

    public Path path() {
        return path;
    }

    /**
     * The events recorded after save {@code generation}, in order: none when the journal is absent or
     * belongs to another save. A torn last entry (the process died inside the append) is left out.
     */
    public List<Entry> read(long generation) throws IOException {
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new IOException(path + ": larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.remaining() < HEADER || in.getLong() != MAGIC || in.getLong() != generation) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>(in.remaining() / ENTRY);
        while (in.remaining() >= ENTRY) {
            entries.add(new Entry(in.getInt(), in.getInt()));
        }
        return entries;
    }

    /** Empties the journal and starts it for the save {@code generation}. */
    public void restart(long generation) throws IOException {
        if (channel == null) {
            Files.createDirectories(path.getParent());
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }
        channel.truncate(0);
        end = 0;
        append(buffer.clear().putLong(MAGIC).putLong(generation).flip());
    }

    /** Block {@code block} of {@code piece} is written. */
    public void written(int piece, int block) throws IOException {
        append(buffer.clear().putInt(piece).putInt(block).flip());
    }

    /** The piece failed its hash: its blocks are to be written again. */
    public void failed(int piece) throws IOException {
        append(buffer.clear().putInt(piece).putInt(-1).flip());
    }

    private void append(ByteBuffer bytes) throws IOException {
        if (channel == null) {
            throw new IOException(path + " is not started");
        }
        while (bytes.hasRemaining()) {
            end += channel.write(bytes, end);
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
