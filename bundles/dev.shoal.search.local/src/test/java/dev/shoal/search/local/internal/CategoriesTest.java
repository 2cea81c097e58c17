package dev.shoal.search.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.metainfo.FileAttribute;
import dev.shoal.metainfo.FileEntry;
import dev.shoal.search.api.SearchCategory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Guessing a torrent's category from its files. */
class CategoriesTest {

    private static FileEntry file(String name, long length) {
        return FileEntry.of(List.of("t", name), length, 0);
    }

    @Test
    void byExtensionInAnyCase() {
        assertEquals(SearchCategory.MOVIES, Categories.of("Film.MKV"));
        assertEquals(SearchCategory.MOVIES, Categories.of("clip.mp4"));
        assertEquals(SearchCategory.MUSIC, Categories.of("01 - Song.flac"));
        assertEquals(SearchCategory.MUSIC, Categories.of("song.mp3"));
        assertEquals(SearchCategory.SOFTWARE, Categories.of("debian-12.iso"));
        assertEquals(SearchCategory.SOFTWARE, Categories.of("disk.img"));
        assertEquals(SearchCategory.SOFTWARE, Categories.of("tool.deb"));
        assertEquals(SearchCategory.SOFTWARE, Categories.of("tool.rpm"));
        assertEquals(SearchCategory.SOFTWARE, Categories.of("setup.exe"));
        assertEquals(SearchCategory.BOOKS, Categories.of("novel.epub"));
        assertEquals(SearchCategory.BOOKS, Categories.of("paper.PDF"));
        assertEquals(SearchCategory.OTHER, Categories.of("notes.txt"));
        assertEquals(SearchCategory.OTHER, Categories.of("README"));
        assertEquals(SearchCategory.OTHER, Categories.of("trailing."));
        assertEquals(SearchCategory.OTHER, Categories.of(".mkv.part"));
    }

    @Test
    void theCategoryWithTheMostBytesWinsOtherIncluded() {
        assertEquals(SearchCategory.MOVIES, Categories.guess(List.of(file("film.mkv", 9000), file("film.nfo", 10),
                file("cover.jpg", 500), file("subs.srt", 100))));
        assertEquals(SearchCategory.OTHER, Categories.guess(List.of(file("data.zip", 9000), file("sample.mkv", 100))),
                "a big archive with a short sample is no film");
        assertEquals(SearchCategory.MUSIC, Categories.guess(List.of(file("1.flac", 400), file("2.flac", 400),
                file("booklet.pdf", 700))), "two tracks outweigh one booklet");
        assertEquals(SearchCategory.OTHER, Categories.guess(List.of(file("empty", 0))));
    }

    @Test
    void padFilesDoNotCount() {
        FileEntry pad = new FileEntry(List.of("t", ".pad", "9000"), 9000, 100, Set.of(FileAttribute.PADDING),
                List.of(), new byte[0]);
        assertEquals(SearchCategory.BOOKS, Categories.guess(List.of(file("book.epub", 100), pad)));
    }
}
