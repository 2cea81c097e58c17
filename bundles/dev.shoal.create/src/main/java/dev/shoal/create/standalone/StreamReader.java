package dev.shoal.create.standalone;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Reads spans of files laid end to end. Keeps one file open, the one read last, so a worker
 * moving through a large file does not reopen it for every chunk; one per thread, not shared.
 */
final class StreamReader implements Closeable {

    private final List<SourceFile> files;
    private final long[] starts;
    private int openIndex = -1;
    private FileChannel open;

    StreamReader(List<SourceFile> files, long[] starts) {
        this.files = files;
        this.starts = starts;
    }

    /** Fills {@code buffer} up to its limit with the stream's bytes from {@code position}. */
    void read(long position, ByteBuffer buffer) throws IOException {
        int index = fileAt(position);
        while (buffer.hasRemaining()) {
            SourceFile file = files.get(index);
            long inFile = position - starts[index];
            int want = (int) Math.min(buffer.remaining(), file.length() - inFile);
            if (want > 0) {
                int limit = buffer.limit();
                buffer.limit(buffer.position() + want);
                FileChannel channel = channel(index);
                while (buffer.hasRemaining()) {
                    int n = channel.read(buffer, inFile);
                    if (n < 0) {
                        throw changed(file);
                    }
                    inFile += n;
                }
                buffer.limit(limit);
                position += want;
            }
            index++;
        }
    }

    /** The file holding byte {@code position}: the last one starting at or before it that is not empty. */
    private int fileAt(long position) {
        int index = Arrays.binarySearch(starts, position);
        if (index < 0) {
            index = -index - 2;
        }
        // Empty files share their start with the next file, and binarySearch may land on any of
        // several equal starts; the file that holds the byte is the first non-empty one from there.
        while (index < files.size() - 1 && position >= starts[index] + files.get(index).length()) {
            index++;
        }
        return index;
    }

    private FileChannel channel(int index) throws IOException {
        if (index != openIndex) {
            close();
            SourceFile file = files.get(index);
            open = FileChannel.open(file.file(), StandardOpenOption.READ);
            openIndex = index;
            if (open.size() != file.length()) {
                throw changed(file);
            }
        }
        return open;
    }

    private static IOException changed(SourceFile file) {
        return new IOException(file.file() + " changed size while the torrent was being made");
    }

    @Override
    public void close() throws IOException {
        if (open != null) {
            FileChannel closing = open;
            open = null;
            openIndex = -1;
            closing.close();
        }
    }
}
