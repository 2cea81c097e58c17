package dev.shoal.create.standalone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.CreatedTorrent;
import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.HashProgress;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.TorrentCreator;
import dev.shoal.metainfo.TorrentVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorrentCreatorTest {

    @TempDir
    Path dir;

    final TorrentCreator creator = new StandaloneTorrentCreator(3);

    @Test
    void singleFile() throws Exception {
        byte[] data = TestFiles.randomBytes(1_000_003, 42);
        Path file = TestFiles.write(dir.resolve("odd.bin"), data);
        Instant date = Instant.parse("2024-05-01T12:34:56.789Z");
        CreatedTorrent created = creator.create(CreateRequest.builder(file)
                .tracker("http://a/announce").tracker("udp://b:80")
                .webSeed("http://seed/odd.bin")
                .comment("a comment").createdBy("Shoal test").creationDate(date)
                .privateFlag(true).sourceTag("SRC")
                .build());
        Metainfo m = created.metainfo();
        assertEquals(TorrentVersion.V1, m.version());
        assertTrue(m.singleFile());
        assertEquals("odd.bin", m.name());
        assertEquals(1_000_003, m.totalLength());
        assertEquals(16 * 1024, m.pieceLength());
        assertArrayEquals(TestFiles.referencePieces(data, m.pieceLength()), m.pieces());
        assertEquals(List.of(List.of("http://a/announce"), List.of("udp://b:80")), m.trackers());
        assertEquals(List.of("http://seed/odd.bin"), m.webSeeds());
        assertEquals(Optional.of("a comment"), m.comment());
        assertEquals(Optional.of("Shoal test"), m.createdBy());
        assertEquals(Optional.of(Instant.parse("2024-05-01T12:34:56Z")), m.creationDate());
        assertTrue(m.isPrivate());
        assertEquals(Optional.of("SRC"), m.source());
        assertEquals(List.of(), m.warnings());
        assertArrayEquals(created.bytes(), m.toBytes(), "the creator writes canonical bencode");
    }

    @Test
    void directoryWithNestedDirsEmptyAndHiddenFiles() throws Exception {
        Path root = dir.resolve("album");
        TestFiles.write(root.resolve("b/z.bin"), TestFiles.randomBytes(70_000, 1));
        TestFiles.write(root.resolve("b/a.bin"), TestFiles.randomBytes(16_384, 2));
        TestFiles.write(root.resolve("a.txt"), TestFiles.randomBytes(5, 3));
        TestFiles.write(root.resolve("empty"), new byte[0]);
        TestFiles.write(root.resolve(".hidden"), TestFiles.randomBytes(100, 4));
        TestFiles.write(root.resolve("b/c/deep.dat"), TestFiles.randomBytes(33_333, 5));
        Files.createDirectories(root.resolve("only-empty-dir"));
        Files.createSymbolicLink(root.resolve("link-to-file"), root.resolve("a.txt"));
        Files.createSymbolicLink(root.resolve("link-to-dir"), root.resolve("b"));

        Metainfo m = creator.create(CreateRequest.builder(root).pieceLength(32 * 1024).noCreationDate().build())
                .metainfo();
        List<String> paths = m.files().stream().map(FileEntry::relativePath).collect(Collectors.toList());
        assertEquals(List.of("album/.hidden", "album/a.txt", "album/b/a.bin", "album/b/c/deep.dat",
                "album/b/z.bin", "album/empty"), paths);
        assertFalse(m.singleFile());
        assertEquals(Optional.empty(), m.creationDate());
        assertEquals(List.of(), m.trackers());
        byte[] all = TestFiles.concat(List.of(root.resolve(".hidden"), root.resolve("a.txt"), root.resolve("b/a.bin"),
                root.resolve("b/c/deep.dat"), root.resolve("b/z.bin"), root.resolve("empty")));
        assertEquals(all.length, m.totalLength());
        assertArrayEquals(TestFiles.referencePieces(all, 32 * 1024), m.pieces());
    }

    @Test
    void sameInputSameTorrent() throws Exception {
        Path root = dir.resolve("d");
        TestFiles.write(root.resolve("x"), TestFiles.randomBytes(50_000, 9));
        CreateRequest request = CreateRequest.builder(root).noCreationDate().tracker("http://t/").build();
        assertArrayEquals(creator.create(request).bytes(), new StandaloneTorrentCreator(1).create(request).bytes());
    }

    @Test
    void nameOverride() throws Exception {
        Path file = TestFiles.write(dir.resolve("x.bin"), TestFiles.randomBytes(10, 1));
        assertEquals("renamed.bin", creator.create(CreateRequest.builder(file).name("renamed.bin").build())
                .metainfo().name());
    }

    @Test
    void emptySourceHasNoData() throws Exception {
        Path root = dir.resolve("empty");
        TestFiles.write(root.resolve("zero"), new byte[0]);
        IOException e = assertThrows(IOException.class, () -> creator.create(CreateRequest.builder(root).build()));
        assertTrue(e.getMessage().contains("holds no data"), e.getMessage());
    }

    @Test
    void unsafeNameIsRefusedBeforeHashing() throws Exception {
        Path root = dir.resolve("d");
        TestFiles.write(root.resolve("aux.txt"), new byte[10]);
        IOException e = assertThrows(IOException.class,
                () -> creator.create(CreateRequest.builder(root).build(), NEVER_HASHED));
        assertEquals("cannot make a torrent of " + root + ": unsafe file path \"d/aux.txt\": \"aux\" is a reserved"
                + " device name on Windows", e.getMessage());
    }

    @Test
    void caseClashIsRefusedBeforeHashing() throws Exception {
        Path root = dir.resolve("d");
        TestFiles.write(root.resolve("A"), new byte[10]);
        TestFiles.write(root.resolve("a"), new byte[10]);
        IOException e = assertThrows(IOException.class,
                () -> creator.create(CreateRequest.builder(root).build(), NEVER_HASHED));
        assertTrue(e.getMessage().contains("two files map to the same path"), e.getMessage());
    }

    /** The hasher reports at least once (at the end) on every run: a call means the names were not checked first. */
    private static final HashProgress NEVER_HASHED = (hashed, total) -> {
        throw new AssertionError("hashed " + hashed + " of " + total + " bytes before refusing the names");
    };

    @Test
    void missingSource() {
        assertThrows(IOException.class, () -> creator.create(CreateRequest.builder(dir.resolve("nope")).build()));
    }

    @Test
    void badPieceLengthIsRefusedByTheRequest() {
        assertThrows(IllegalArgumentException.class, () -> CreateRequest.builder(dir).pieceLength(1000).build());
        assertThrows(IllegalArgumentException.class, () -> CreateRequest.builder(dir).pieceLength(8192).build());
        assertThrows(IllegalArgumentException.class, () -> CreateRequest.builder(dir).pieceLength(1 << 29).build());
    }

    @Test
    void interruptedCallerStopsHashing() throws Exception {
        Path file = TestFiles.write(dir.resolve("big"), new byte[64 << 20]);
        Thread.currentThread().interrupt();
        try {
            assertThrows(java.io.InterruptedIOException.class,
                    () -> new PieceHasher(1).hash(List.of(new SourceFile(file, List.of("big"), 64 << 20)), 1 << 16,
                            (a, b) -> { }));
        } finally {
            Thread.interrupted();
        }
    }
}
