package dev.shoal.ui.swt.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileTreeTest {

    private static final List<FileStatus> FILES = List.of(
            new FileStatus(0, "album/cd1/01.flac", 100, 100, FilePriority.NORMAL),
            new FileStatus(1, "album/cd1/02.flac", 300, 0, FilePriority.HIGH),
            new FileStatus(2, "album/cover.jpg", 100, 50, FilePriority.NORMAL),
            new FileStatus(3, "album/cd2/01.flac", 0, 0, FilePriority.SKIP));

    @Test
    void foldersHoldTheirFilesInOrder() {
        FileTree tree = FileTree.of(FILES);
        assertEquals(1, tree.top().size());
        FileTree.Node album = tree.top().get(0);
        assertEquals("album", album.name());
        assertTrue(album.isFolder());
        assertEquals(List.of(0, 1, 2, 3), album.files());
        List<FileTree.Node> children = album.children();
        assertEquals(List.of("cd1", "cover.jpg", "cd2"), children.stream().map(FileTree.Node::name).toList());
        assertEquals("album/cd1", children.get(0).path());
        assertEquals(List.of(0, 1), children.get(0).files());
        assertFalse(children.get(1).isFolder());
        assertEquals(List.of(2), children.get(1).files());
    }

    @Test
    void foldersSumTheirFiles() {
        FileTree.Node album = FileTree.of(FILES).top().get(0);
        assertEquals(500, album.size(FILES));
        assertEquals(150.0 / 500, album.progress(FILES));
        assertEquals(Optional.empty(), album.priority(FILES), "mixed");
        FileTree.Node cd2 = album.children().get(2);
        assertEquals(1.0, cd2.progress(FILES), "an empty file is complete");
        assertEquals(Optional.of(FilePriority.SKIP), cd2.priority(FILES));
    }

    @Test
    void aFileAndAFolderOfTheSameNameStayApart() {
        List<FileStatus> files = List.of(new FileStatus(0, "x", 1, 0, FilePriority.NORMAL),
                new FileStatus(1, "x/y", 1, 0, FilePriority.NORMAL));
        FileTree tree = FileTree.of(files);
        assertEquals(2, tree.top().size());
        assertTrue(tree.fits(files));
        assertFalse(tree.fits(files.subList(0, 1)));
    }
}
