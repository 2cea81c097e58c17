package dev.shoal.create.standalone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.HashProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PieceHasherTest {

    @TempDir
    Path dir;

    List<SourceFile> files(int... lengths) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            Path file = TestFiles.write(dir.resolve("f" + i), TestFiles.randomBytes(lengths[i], i));
            files.add(new SourceFile(file, List.of("f" + i), lengths[i]));
        }
        return files;
    }

    byte[] concat(List<SourceFile> files) throws IOException {
        List<Path> paths = new ArrayList<>();
        files.forEach(f -> paths.add(f.file()));
        return TestFiles.concat(paths);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void oddSizedSingleFileMatchesReference(int threads) throws Exception {
        List<SourceFile> files = files(1_000_003);
        byte[] pieces = new PieceHasher(threads).hash(files, 16 * 1024, HashProgress.NONE);
        assertArrayEquals(TestFiles.referencePieces(concat(files), 16 * 1024), pieces);
    }

    @ParameterizedTest
    @ValueSource(ints = {16 * 1024, 32 * 1024, 1 << 20})
    void piecesSpanFileBoundariesAndEmptyFiles(int pieceLength) throws Exception {
        List<SourceFile> files = files(0, 1, 16_383, 16_385, 0, 0, 50_000, 7, 1 << 20, 0);
        byte[] pieces = new PieceHasher(3).hash(files, pieceLength, HashProgress.NONE);
        assertArrayEquals(TestFiles.referencePieces(concat(files), pieceLength), pieces);
    }

    @Test
    void piecesLongerThanTheBufferAreHashedInParts() throws Exception {
        int pieceLength = 2 * PieceHasher.BUFFER_BYTES;
        List<SourceFile> files = files(3 * PieceHasher.BUFFER_BYTES + 12345, 5);
        byte[] pieces = new PieceHasher(2).hash(files, pieceLength, HashProgress.NONE);
        assertArrayEquals(TestFiles.referencePieces(concat(files), pieceLength), pieces);
    }

    @Test
    void manyChunksManyThreads() throws Exception {
        List<SourceFile> files = files(9 * PieceHasher.BUFFER_BYTES + 1, 3 * PieceHasher.BUFFER_BYTES - 1);
        byte[] pieces = new PieceHasher(4).hash(files, 16 * 1024, HashProgress.NONE);
        assertArrayEquals(TestFiles.referencePieces(concat(files), 16 * 1024), pieces);
    }

    @Test
    void progressEndsAtTheTotalAndNeverGoesBack() throws Exception {
        List<SourceFile> files = files(5 * PieceHasher.BUFFER_BYTES);
        List<long[]> calls = new ArrayList<>();
        Thread caller = Thread.currentThread();
        new PieceHasher(2).hash(files, 1 << 16, (hashed, total) -> {
            assertEquals(caller, Thread.currentThread(), "progress comes on the calling thread");
            calls.add(new long[] {hashed, total});
        });
        long[] last = calls.get(calls.size() - 1);
        assertEquals(5L * PieceHasher.BUFFER_BYTES, last[0]);
        assertEquals(last[0], last[1]);
        for (int i = 1; i < calls.size(); i++) {
            assertTrue(calls.get(i)[0] >= calls.get(i - 1)[0]);
        }
    }

    @Test
    void nothingToHash() throws Exception {
        assertEquals(0, new PieceHasher(2).hash(files(0, 0), 16 * 1024, HashProgress.NONE).length);
    }

    @Test
    void fileThatChangedSizeFails() throws Exception {
        List<SourceFile> files = files(100_000);
        List<SourceFile> stale = List.of(new SourceFile(files.get(0).file(), List.of("f0"), 200_000));
        IOException e = assertThrows(IOException.class,
                () -> new PieceHasher(2).hash(stale, 16 * 1024, HashProgress.NONE));
        assertTrue(e.getMessage().contains("changed size"), e.getMessage());
    }

    @Test
    void missingFileFails() throws Exception {
        List<SourceFile> files = List.of(new SourceFile(dir.resolve("gone"), List.of("gone"), 10));
        assertThrows(IOException.class, () -> new PieceHasher(2).hash(files, 16 * 1024, HashProgress.NONE));
        assertTrue(Files.notExists(dir.resolve("gone")));
    }

    @Test
    void needsAThread() {
        assertThrows(IllegalArgumentException.class, () -> new PieceHasher(0));
    }
}
