package dev.shoal.storage.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.CheckResult;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageException.Kind;
import dev.shoal.storage.internal.TestTorrent.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code StorageService.move} does: real files, moved, renamed, refused, rolled back. */
class FileMoveTest {

    @TempDir
    Path temp;

    private static TestTorrent torrent() {
        return TestTorrent.multi("t", 16384, 7, Spec.file("a.bin", 20_000), Spec.pad(12_768),
                Spec.file("sub/deep/b.bin", 40_000), Spec.file("c.bin", 3));
    }

    /** Downloads the whole torrent into the harness's folder with the real storage and closes it. */
    private static void download(Harness harness, TestTorrent torrent) throws StorageException {
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            torrent.write(storage, torrent.allPieces(), 1);
        }
    }

    /** The same torrent with each file's path changed by {@code rename}, as the engine lays it out. */
    private static Metainfo renamed(Metainfo m, UnaryOperator<List<String>> rename) {
        List<FileEntry> files = new ArrayList<>();
        for (FileEntry f : m.files()) {
            files.add(new FileEntry(rename.apply(f.path()), f.length(), f.offset(), f.attributes(), f.symlinkTarget(),
                    f.piecesRoot()));
        }
        return new Metainfo(m.name(), m.version(), m.pieceLength(), m.pieceCount(), m.totalLength(), files,
                m.singleFile(), m.trackers(), m.webSeeds(), m.isPrivate(), m.creationDate(), m.comment(),
                m.createdBy(), m.source(), m.infoHashV1(), m.infoHashV2(), m.pieces(), m.rawInfo(), m.warnings());
    }

    private static CheckResult reopen(Harness harness, Metainfo layout, Path folder) throws StorageException {
        try (DiskStorage storage = DiskStorage.open(layout, folder, harness.resume, Harness.OPTIONS, harness.listener,
                dev.shoal.storage.internal.io.ChannelOpener.DEFAULT, Harness.POOL)) {
            return Harness.ready(storage);
        }
    }

    @Test
    void moves_the_files_to_another_folder_where_they_resume_without_a_recheck() throws Exception {
        Harness harness = new Harness(temp);
        TestTorrent torrent = torrent();
        download(harness, torrent);
        Path neighbour = Files.writeString(harness.file("t", "mine.txt"), "not the torrent's");
        Path target = temp.resolve("elsewhere/new");

        FileMove.move(torrent.metainfo, harness.downloads, torrent.metainfo, target);

        assertArrayEquals(Arrays.copyOfRange(torrent.content, 0, 20_000), Files.readAllBytes(target.resolve("t/a.bin")));
        assertEquals(40_000, Files.size(target.resolve("t/sub/deep/b.bin")));
        assertFalse(Files.exists(harness.file("t", "a.bin")));
        assertFalse(Files.exists(harness.file("t", "sub")), "emptied folders of the torrent go");
        assertTrue(Files.exists(neighbour), "a file that is not the torrent's stays");
        assertFalse(Files.exists(target.resolve("t/.pad")), "pad files are never written");
        CheckResult result = reopen(harness, torrent.metainfo, target);
        assertEquals(CheckResult.Reason.RESUMED, result.reason());
        assertEquals(torrent.metainfo.pieceCount(), result.verified().count());
    }

    @Test
    void renames_a_folder_of_the_torrent_in_place() throws Exception {
        Harness harness = new Harness(temp);
        TestTorrent torrent = torrent();
        download(harness, torrent);
        Metainfo layout = renamed(torrent.metainfo, path -> path.size() > 2 && path.get(1).equals("sub")
                ? replace(path, 1, "renamed") : path);

        FileMove.move(torrent.metainfo, harness.downloads, layout, harness.downloads);

        assertTrue(Files.exists(harness.file("t", "renamed", "deep", "b.bin")));
        assertFalse(Files.exists(harness.file("t", "sub")));
        assertTrue(Files.exists(harness.file("t", "a.bin")), "files outside the renamed folder stay");
        assertEquals(CheckResult.Reason.RESUMED, reopen(harness, layout, harness.downloads).reason());
    }

    @Test
    void a_partial_download_moves_what_is_on_disk() throws Exception {
        Harness harness = new Harness(temp);
        TestTorrent torrent = torrent();
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            torrent.write(storage, List.of(0), 1);
        }
        Path target = temp.resolve("target");
        FileMove.move(torrent.metainfo, harness.downloads, torrent.metainfo, target);
        assertTrue(Files.exists(target.resolve("t/a.bin")));
        assertFalse(Files.exists(harness.file("t")));
        assertEquals(1, reopen(harness, torrent.metainfo, target).verified().count());
    }

    @Test
    void a_taken_target_refuses_the_move_and_moves_nothing() throws Exception {
        Harness harness = new Harness(temp);
        TestTorrent torrent = torrent();
        download(harness, torrent);
        Path target = temp.resolve("target");
        Files.createDirectories(target.resolve("t"));
        Path taken = Files.writeString(target.resolve("t/c.bin"), "someone else's");

        StorageException e = assertThrows(StorageException.class,
                () -> FileMove.move(torrent.metainfo, harness.downloads, torrent.metainfo, target));

        assertTrue(e.getMessage().contains("there already"), e.getMessage());
        assertEquals("someone else's", Files.readString(taken));
        assertTrue(Files.exists(harness.file("t", "a.bin")));
        assertTrue(Files.exists(harness.file("t", "c.bin")));
        assertFalse(Files.exists(target.resolve("t/a.bin")));
    }

    @Test
    void a_failure_half_way_moves_back_what_was_moved() throws Exception {
        Harness harness = new Harness(temp);
        TestTorrent torrent = torrent();
        download(harness, torrent);
        Path target = temp.resolve("target");
        // A folder where the torrent wants one of its files' folders: b.bin cannot be placed.
        Files.createDirectories(target.resolve("t"));
        Files.writeString(target.resolve("t/sub"), "a file, not a folder");

        StorageException e = assertThrows(StorageException.class,
                () -> FileMove.move(torrent.metainfo, harness.downloads, torrent.metainfo, target));

        assertTrue(e.getMessage().contains("nothing was moved"), e.getMessage());
        assertTrue(Files.exists(harness.file("t", "a.bin")), "a.bin moved first and came back");
        assertTrue(Files.exists(harness.file("t", "sub", "deep", "b.bin")));
        assertFalse(Files.exists(target.resolve("t/a.bin")));
        assertEquals(CheckResult.Reason.RESUMED, reopen(harness, torrent.metainfo, harness.downloads).reason());
    }

    @Test
    void a_target_path_leaving_the_folder_is_refused() throws Exception {
        Harness harness = new Harness(temp);
        TestTorrent torrent = torrent();
        download(harness, torrent);
        Metainfo hostile = renamed(torrent.metainfo, path -> path.get(path.size() - 1).equals("c.bin")
                ? List.of("t", "..", "..", "escaped") : path);
        Path target = temp.resolve("target");

        StorageException e = assertThrows(StorageException.class,
                () -> FileMove.move(torrent.metainfo, harness.downloads, hostile, target));

        assertEquals(Kind.PATH_UNSAFE, e.kind());
        assertFalse(Files.exists(temp.resolve("escaped")));
        assertTrue(Files.exists(harness.file("t", "c.bin")));
    }

    @Test
    void moves_across_file_systems_by_copying_and_comparing() throws Exception {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm),
                "no writable /dev/shm to move to another file system");
        Assumptions.assumeFalse(Files.getFileStore(shm).equals(Files.getFileStore(temp)),
                "/dev/shm is on the same file system as the temp folder");
        Harness harness = new Harness(temp);
        TestTorrent torrent = torrent();
        download(harness, torrent);
        Path target = shm.resolve("shoal-move-test-" + UUID.randomUUID());
        try {
            FileMove.move(torrent.metainfo, harness.downloads, torrent.metainfo, target);
            assertFalse(Files.exists(harness.file("t")));
            assertFalse(Files.exists(target.resolve("t/a.bin" + FileMove.PART_SUFFIX)));
            assertEquals(CheckResult.Reason.RESUMED, reopen(harness, torrent.metainfo, target).reason(),
                    "the copies keep their modification times, so the resume data still matches");
        } finally {
            FileDeletion.delete(torrent.metainfo, target, null);
            deleteTree(target);
        }
    }

    private static List<String> replace(List<String> path, int index, String name) {
        List<String> copy = new ArrayList<>(path);
        copy.set(index, name);
        return copy;
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
