package dev.shoal.storage.internal.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The open file channels, at most {@code limit}, least recently used closed first, so a torrent with
 * 100,000 files holds a bounded number of descriptors. Only the disk thread touches it, so it has no
 * locks. Closing a channel does not lose its dirty pages: fsync on a later channel of the same file
 * flushes them too (it syncs the inode, not the descriptor).
 */
public final class FileCache implements AutoCloseable {

    private final int limit;
    private final ChannelOpener opener;
    private final Map<Integer, Entry> open = new LinkedHashMap<>(16, 0.75f, true);
    // Written on the disk thread, read by stats() on any thread.
    private volatile int openCount;
    private volatile int maxOpen;

    private record Entry(FileChannel channel, boolean writable) {
    }

    public FileCache(int limit, ChannelOpener opener) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
        this.opener = opener;
    }

    /**
     * The channel of file {@code index}, opened when needed. A read-only channel is reopened
     * read-write when {@code write} is asked for.
     */
    public FileChannel get(int index, Path path, boolean write) throws IOException {
        Entry entry = open.get(index);
        if (entry != null && (entry.writable || !write)) {
            return entry.channel;
        }
        if (entry != null) {
            open.remove(index).channel.close();
            openCount = open.size();
        }
        evictDownTo(limit - 1);
        FileChannel channel = opener.open(path, write);
        open.put(index, new Entry(channel, write));
        openCount = open.size();
        maxOpen = Math.max(maxOpen, openCount);
        return channel;
    }

    /** Closes file {@code index} if it is open (before its size or mtime is read, for instance). */
    public void close(int index) throws IOException {
        Entry entry = open.remove(index);
        openCount = open.size();
        if (entry != null) {
            entry.channel.close();
        }
    }

    public int openCount() {
        return openCount;
    }

    public int maxOpen() {
        return maxOpen;
    }

    private void evictDownTo(int size) throws IOException {
        Iterator<Entry> eldest = open.values().iterator();
        while (open.size() > size && eldest.hasNext()) {
            FileChannel channel = eldest.next().channel;
            eldest.remove();
            openCount = open.size();
            channel.close();
        }
    }

    /** Closes every channel; reports the first failure after trying them all. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Entry entry : open.values()) {
            try {
                entry.channel.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        openCount = 0;
        if (first != null) {
            throw first;
        }
    }
}
