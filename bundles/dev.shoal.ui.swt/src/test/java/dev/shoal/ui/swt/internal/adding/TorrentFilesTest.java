package dev.shoal.ui.swt.internal.adding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorrentFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileWholeAndLeavesNothingBeside() throws Exception {
        Path target = dir.resolve("a.torrent");
        Files.writeString(target, "old and longer than the new one");
        TorrentFiles.write(target, new byte[] {'d', 'e'});
        assertArrayEquals(new byte[] {'d', 'e'}, Files.readAllBytes(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aMissingFolderFailsWithoutAPartFile() {
        assertThrows(IOException.class, () -> TorrentFiles.write(dir.resolve("none/a.torrent"), new byte[] {'d', 'e'}));
    }
}
