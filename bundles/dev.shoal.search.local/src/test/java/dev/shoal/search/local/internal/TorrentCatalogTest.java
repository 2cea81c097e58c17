package dev.shoal.search.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's own bounds. */
class TorrentCatalogTest {

    @TempDir
    Path temp;

    private static BasicFileAttributes attributes(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class);
    }

    @Test
    void itNeverHoldsMoreThanItsCapacity() throws IOException {
        TorrentCatalog catalog = new TorrentCatalog(2, 10_000);
        for (int i = 0; i < 5; i++) {
            TestTorrents.single(temp, i + ".torrent", temp.resolve("work"), "t" + i, 100);
            Path file = temp.resolve(i + ".torrent");
            assertTrue(catalog.read(file, attributes(file)).fresh());
            assertTrue(catalog.size() <= 2, "size " + catalog.size());
        }
    }

    @Test
    void aFileThatGrewPastTheLimitSinceItWasListedIsNoTorrent() throws IOException {
        Path file = temp.resolve("growing.torrent");
        Files.write(file, new byte[10]);
        BasicFileAttributes small = attributes(file);
        Files.write(file, new byte[5000]);
        TorrentCatalog catalog = new TorrentCatalog(10, 2048);
        assertFalse(catalog.tooLarge(small));
        TorrentCatalog.Read read = catalog.read(file, small);
        assertNull(read.torrent());
        assertEquals("larger than 2048 bytes", read.problem());
    }
}
