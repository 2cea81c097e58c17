package dev.shoal.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathSafetyTest {

    @TempDir
    Path temp;

    @Test
    void dot_dot_components_are_refused_at_open() {
        TestTorrent hostile = TestTorrent.withPaths("t", 16384, List.of(List.of("t", "..", "..", "evil.sh")), 100);
        StorageException e = assertThrows(StorageException.class, () -> new Harness(temp).open(hostile));
        assertEquals(Kind.PATH_UNSAFE, e.kind());
        assertTrue(e.getMessage().contains("t/../../evil.sh"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("evil.sh")));
    }

    @Test
    void absolute_and_separator_smuggling_components_are_refused() {
        for (List<String> path : List.of(List.of("t", "/etc/passwd"), List.of("t", "a/../../x"), List.of("t", ""),
                List.of("t", "."), List.of("t", "a\\..\\..\\x"))) {
            TestTorrent hostile = TestTorrent.withPaths("t", 16384, List.of(path), 100);
            StorageException e = assertThrows(StorageException.class, () -> new Harness(temp).open(hostile),
                    path.toString());
            assertEquals(Kind.PATH_UNSAFE, e.kind(), path.toString());
        }
    }

    @Test
    void a_symlinked_directory_pointing_outside_is_not_written_through() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Harness harness = new Harness(temp);
        Files.createDirectories(harness.file("t"));
        Files.createSymbolicLink(harness.file("t", "sub"), outside);
        TestTorrent torrent = TestTorrent.withPaths("t", 16384, List.of(List.of("t", "sub", "x.bin")), 16384);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            StorageException e = WriteAndVerifyTest.failure(storage.writeBlock(0, 0, torrent.block(0, 0)));
            assertEquals(Kind.PATH_UNSAFE, e.kind());
            assertTrue(e.getMessage().contains("sub"), e.getMessage());
        }
        assertFalse(Files.exists(outside.resolve("x.bin")));
    }

    @Test
    void a_file_that_is_a_symlink_is_not_written_through() throws Exception {
        Path target = Files.writeString(temp.resolve("precious.txt"), "keep me");
        Harness harness = new Harness(temp);
        Files.createDirectories(harness.downloads);
        Files.createSymbolicLink(harness.file("f"), target);
        TestTorrent torrent = TestTorrent.single("f", 16384, 16384, 1);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            assertEquals(Kind.PATH_UNSAFE,
                    WriteAndVerifyTest.failure(storage.writeBlock(0, 0, torrent.block(0, 0))).kind());
        }
        assertEquals("keep me", Files.readString(target));
    }
}
