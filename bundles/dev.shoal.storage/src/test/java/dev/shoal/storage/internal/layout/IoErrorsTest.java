package dev.shoal.storage.internal.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageException.Kind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IoErrorsTest {

    private static final Path FILE = Path.of("album/track.flac");

    @Test
    void no_space_quota_and_file_size_limits_are_a_full_disk() {
        for (String reason : new String[] {"No space left on device", "Disk quota exceeded", "File too large"}) {
            StorageException e = IoErrors.map(new IOException(reason), FILE, "writing");
            assertEquals(Kind.DISK_FULL, e.kind(), reason);
            assertEquals("disk full writing album/track.flac (" + reason + ")", e.getMessage());
            assertEquals(FILE, e.file().orElseThrow());
        }
    }

    @Test
    void access_errors_are_permission_and_the_rest_io_on_one_line() {
        assertEquals(Kind.PERMISSION,
                IoErrors.map(new AccessDeniedException("/x"), FILE, "opening").kind());
        assertEquals(Kind.PERMISSION,
                IoErrors.map(new FileSystemException("/x", null, "Read-only file system"), FILE, "opening").kind());
        StorageException other = IoErrors.map(new IOException("Input/output error\nmore"), FILE, "reading");
        assertEquals(Kind.IO, other.kind());
        assertFalse(other.getMessage().contains("\n"));
        assertTrue(other.getMessage().contains("album/track.flac"));
    }

    @Test
    void a_storage_exception_passes_through() {
        StorageException original = new StorageException(Kind.PATH_UNSAFE, "no");
        assertSame(original, IoErrors.map(original, FILE, "writing"));
    }
}
