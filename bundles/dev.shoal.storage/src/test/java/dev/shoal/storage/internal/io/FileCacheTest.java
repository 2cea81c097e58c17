package dev.shoal.storage.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCacheTest {

    @TempDir
    Path temp;

    @Test
    void keeps_at_most_the_limit_open_closing_the_least_recently_used() throws Exception {
        try (FileCache cache = new FileCache(2, ChannelOpener.DEFAULT)) {
            FileChannel a = cache.get(0, temp.resolve("a"), true);
            FileChannel b = cache.get(1, temp.resolve("b"), true);
            assertSame(a, cache.get(0, temp.resolve("a"), false), "a read reuses a writable channel");
            FileChannel c = cache.get(2, temp.resolve("c"), true);
            assertFalse(b.isOpen(), "b was the least recently used");
            assertTrue(a.isOpen());
            assertTrue(c.isOpen());
            assertEquals(2, cache.openCount());
            assertEquals(2, cache.maxOpen());
        }
    }

    @Test
    void a_read_only_channel_is_reopened_for_writing() throws Exception {
        try (FileCache cache = new FileCache(4, ChannelOpener.DEFAULT)) {
            cache.get(0, temp.resolve("a"), true);
            cache.close(0);
            FileChannel reading = cache.get(0, temp.resolve("a"), false);
            FileChannel writing = cache.get(0, temp.resolve("a"), true);
            assertFalse(reading.isOpen());
            assertTrue(writing.isOpen());
            assertEquals(1, cache.openCount());
        }
    }
}
