package dev.shoal.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageException.Kind;
import dev.shoal.storage.internal.TestTorrent.Spec;
import dev.shoal.storage.internal.resume.WriteJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code StorageService.delete} does ({@code StorageComponent} passes it on). */
class FileDeletionTest {

    @TempDir
    Path temp;

    /** Writes every non-pad file of the torrent under {@code downloads}. */
    private static void writeFiles(TestTorrent torrent, Path downloads) throws Exception {
        for (FileEntry file : torrent.metainfo.files()) {
            if (!file.isPadding()) {
                Path path = downloads.resolve(file.relativePath());
                Files.createDirectories(path.getParent());
                Files.write(path, new byte[(int) file.length()]);
            }
        }
    }

    @Test
    void deletes_exactly_the_torrents_files_and_its_emptied_folders() throws Exception {
        Harness harness = new Harness(temp);
        TestTorrent torrent = TestTorrent.multi("t", 16384, 1, Spec.file("a.bin", 20_000), Spec.pad(12_768),
                Spec.file("sub/deep/b.bin", 100), Spec.file("shared/c.bin", 5), Spec.file("empty", 0));
        writeFiles(torrent, harness.downloads);
        Path neighbour = Files.writeString(harness.file("t", "shared", "mine.txt"), "not the torrent's");
        Path sibling = Files.writeString(harness.file("other.txt"), "another download");
        Path outside = Files.writeString(temp.resolve("outside.txt"), "elsewhere");
        Files.createDirectories(harness.resume.getParent());
        Files.writeString(harness.resume, "resume");
        Files.writeString(WriteJournal.beside(harness.resume), "journal");

        FileDeletion.delete(torrent.metainfo, harness.downloads, harness.resume);

        assertFalse(Files.exists(harness.file("t", "a.bin")));
        assertFalse(Files.exists(harness.file("t", "sub")), "emptied folders go");
        assertFalse(Files.exists(harness.file("t", "shared", "c.bin")));
        assertFalse(Files.exists(harness.file("t", "empty")));
        assertFalse(Files.exists(harness.resume));
        assertFalse(Files.exists(WriteJournal.beside(harness.resume)));
        assertTrue(Files.exists(neighbour), "a file that is not the torrent's stays, with its folder");
        assertTrue(Files.exists(sibling));
        assertTrue(Files.exists(outside));
        assertTrue(Files.isDirectory(harness.downloads), "the download directory itself stays");
    }

    @Test
    void files_already_gone_and_a_missing_download_directory_are_fine() throws Exception {
        Harness harness = new Harness(temp);
        TestTorrent torrent = TestTorrent.multi("t", 16384, 2, Spec.file("a.bin", 100), Spec.file("b.bin", 100));
        FileDeletion.delete(torrent.metainfo, harness.downloads, null);
        writeFiles(torrent, harness.downloads);
        Files.delete(harness.file("t", "b.bin"));
        FileDeletion.delete(torrent.metainfo, harness.downloads, harness.resume);
        assertFalse(Files.exists(harness.file("t")));
    }

    @Test
    void a_hostile_path_cannot_reach_outside_the_download_directory() throws Exception {
        Harness harness = new Harness(temp);
        Files.createDirectories(harness.downloads);
        Path victim = Files.writeString(temp.resolve("victim.txt"), "keep me");
        TestTorrent hostile = TestTorrent.withPaths("t",
                16384, List.of(List.of("t", "ok.bin"), List.of("t", "..", "..", "victim.txt")), 10);
        Files.createDirectories(harness.file("t"));
        Files.write(harness.file("t", "ok.bin"), new byte[10]);

        StorageException e = assertThrows(StorageException.class,
                () -> FileDeletion.delete(hostile.metainfo, harness.downloads, null));
        assertEquals(Kind.PATH_UNSAFE, e.kind());
        assertTrue(e.getMessage().contains("victim.txt"), e.getMessage());
        assertEquals("keep me", Files.readString(victim));
        assertFalse(Files.exists(harness.file("t", "ok.bin")), "the safe files are deleted all the same");
    }

    @Test
    void symbolic_links_are_not_followed() throws Exception {
        Harness harness = new Harness(temp);
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Path precious = Files.writeString(outside.resolve("x.bin"), "keep me");
        Path target = Files.writeString(temp.resolve("target.bin"), "keep me too");
        Files.createDirectories(harness.file("t"));
        Files.createSymbolicLink(harness.file("t", "sub"), outside);
        Files.createSymbolicLink(harness.file("t", "link.bin"), target);
        TestTorrent torrent = TestTorrent.withPaths("t", 16384,
                List.of(List.of("t", "sub", "x.bin"), List.of("t", "link.bin")), 10);

        StorageException e = assertThrows(StorageException.class,
                () -> FileDeletion.delete(torrent.metainfo, harness.downloads, null));
        assertEquals(Kind.PATH_UNSAFE, e.kind());
        assertTrue(e.getMessage().endsWith("(and 1 more)"), e.getMessage());
        assertEquals("keep me", Files.readString(precious));
        assertEquals("keep me too", Files.readString(target));
        assertTrue(Files.isSymbolicLink(harness.file("t", "sub")));
    }
}
