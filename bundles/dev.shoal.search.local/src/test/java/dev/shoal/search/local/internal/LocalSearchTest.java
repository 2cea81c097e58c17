package dev.shoal.search.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.CreatedTorrent;
import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Searching real torrent files in real folders: matching, results, bounds, the catalog, cancellation. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalSearchTest {

    private static final SearchOptions ALL = SearchOptions.defaults();

    @TempDir
    Path temp;
    private Path folder;
    private Path work;

    @BeforeEach
    void folders() throws IOException {
        folder = Files.createDirectories(temp.resolve("torrents"));
        work = temp.resolve("work");
    }

    private LocalSearch searchOf(boolean recursive, int maxFiles, int maxTorrentBytes, Path... folders) {
        String[] names = Arrays.stream(folders.length == 0 ? new Path[] {folder} : folders).map(Path::toString)
                .toArray(String[]::new);
        return new LocalSearch(LocalSettings.of(names, recursive, maxFiles, maxTorrentBytes));
    }

    private LocalSearch search() {
        return searchOf(true, LocalSettings.DEFAULT_MAX_FILES, LocalSettings.DEFAULT_MAX_TORRENT_BYTES);
    }

    private static List<String> titles(LocalSearch search, String query, SearchOptions options) throws IOException {
        TestTorrents.Sink sink = new TestTorrents.Sink();
        search.run(query, options, sink);
        return sink.titles();
    }

    private static Map<String, Integer> files(Object... pathsAndSizes) {
        Map<String, Integer> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndSizes.length; i += 2) {
            files.put((String) pathsAndSizes[i], (Integer) pathsAndSizes[i + 1]);
        }
        return files;
    }

    private void threeTorrents() throws IOException {
        TestTorrents.single(folder, "ubuntu.torrent", work, "ubuntu-24.04-desktop-amd64.iso", 3000);
        TestTorrents.write(folder, "debian.torrent", work, "Debian Live",
                files("debian-live-12.7.0-amd64-kde.iso", 5000, "SHA256SUMS", 100), null);
        TestTorrents.write(folder, "bunny.torrent", work, "Big Buck Bunny",
                files("Big.Buck.Bunny.1080p.mkv", 8000, "subs/English.srt", 200), null);
    }

    @Test
    void everyWordMustBeInTheNameOrAFileOrFolderNameInAnyCase() throws IOException {
        threeTorrents();
        LocalSearch search = search();
        assertEquals(List.of("ubuntu-24.04-desktop-amd64.iso"), titles(search, "UBUNTU amd64", ALL));
        assertEquals(List.of("ubuntu-24.04-desktop-amd64.iso"), titles(search, "amd64   desktop", ALL));
        assertEquals(List.of("Debian Live", "ubuntu-24.04-desktop-amd64.iso"), titles(search, "amd64", ALL));
        assertEquals(List.of("Debian Live"), titles(search, "kde sha256sums", ALL), "file names count");
        assertEquals(List.of("Big Buck Bunny"), titles(search, "english subs", ALL), "folder names count");
        assertEquals(List.of(), titles(search, "ubuntu debian", ALL), "one torrent must hold every word");
        assertEquals(List.of(), titles(search, "fedora", ALL));
    }

    @Test
    void aResultCarriesTheTorrentsFacts() throws IOException {
        Instant created = Instant.parse("2024-01-02T03:04:05Z");
        CreatedTorrent debian = TestTorrents.write(folder, "debian.torrent", work, "Debian Live",
                files("debian-live.iso", 5000, "SHA256SUMS", 100), created);
        CreatedTorrent ubuntu = TestTorrents.single(folder, "ubuntu.torrent", work, "ubuntu.iso", 3000);
        Instant modified = Instant.parse("2023-05-06T07:08:09Z");
        Files.setLastModifiedTime(folder.resolve("ubuntu.torrent"), FileTime.from(modified));

        TestTorrents.Sink sink = new TestTorrents.Sink();
        search().run("debian", ALL, sink);
        SearchResult result = sink.results.get(0);
        assertEquals("Debian Live", result.title());
        assertEquals(5100, result.size());
        assertEquals(debian.metainfo().infoHashV1().orElseThrow().hex(), result.infoHash());
        assertEquals(folder.resolve("debian.torrent").toUri(), result.torrentUrl());
        assertEquals("file", result.torrentUrl().getScheme());
        assertEquals(created, result.published(), "the creation date");
        assertEquals(SearchCategory.SOFTWARE, result.category());
        assertEquals(-1, result.seeders());
        assertEquals(-1, result.leechers());
        assertNull(result.magnet());
        assertNull(result.detailsUrl());

        sink = new TestTorrents.Sink();
        search().run("ubuntu", ALL, sink);
        assertEquals(ubuntu.metainfo().infoHash().hex(), sink.results.get(0).infoHash());
        assertEquals(modified, sink.results.get(0).published(), "no creation date: when the file came");
    }

    @Test
    void categoriesAreGuessedFromTheFilesAndNarrowTheSearch() throws IOException {
        TestTorrents.write(folder, "film.torrent", work, "sample film",
                files("film.mkv", 9000, "film.nfo", 300, "cover.jpg", 2000), null);
        TestTorrents.write(folder, "album.torrent", work, "sample album",
                files("01.flac", 4000, "02.flac", 4000, "cover.jpg", 2000), null);
        TestTorrents.single(folder, "book.torrent", work, "sample book.epub", 700);
        TestTorrents.single(folder, "notes.torrent", work, "sample notes.txt", 700);
        LocalSearch search = search();

        TestTorrents.Sink sink = new TestTorrents.Sink();
        search.run("sample", ALL, sink);
        Map<String, SearchCategory> categories = new LinkedHashMap<>();
        sink.results.forEach(r -> categories.put(r.title(), r.category()));
        assertEquals(Map.of("sample film", SearchCategory.MOVIES, "sample album", SearchCategory.MUSIC,
                "sample book.epub", SearchCategory.BOOKS, "sample notes.txt", SearchCategory.OTHER), categories);

        assertEquals(List.of("sample album"), titles(search, "sample", ALL.withCategories(Set.of(SearchCategory.MUSIC))));
        assertEquals(List.of("sample book.epub", "sample film"), titles(search, "sample",
                ALL.withCategories(Set.of(SearchCategory.BOOKS, SearchCategory.MOVIES))));
    }

    @Test
    void subfoldersAreSearchedOnlyWhenRecursive() throws IOException {
        TestTorrents.single(folder, "top.torrent", work, "top level.iso", 1000);
        TestTorrents.single(folder.resolve("a/b/c"), "deep.torrent", work, "deep down.iso", 1000);
        assertEquals(List.of("deep down.iso", "top level.iso"), titles(search(), "iso", ALL));
        assertEquals(List.of("top level.iso"),
                titles(searchOf(false, 100, LocalSettings.DEFAULT_MAX_TORRENT_BYTES), "iso", ALL));
    }

    @Test
    void malformedAndOversizedFilesAreSkippedAndCountedAndTheRestFound() throws IOException {
        CreatedTorrent good = TestTorrents.single(folder, "good.TORRENT", work, "good one.iso", 1000);
        Files.writeString(folder.resolve("garbage.torrent"), "this is not bencode");
        byte[] bytes = good.bytes();
        Files.write(folder.resolve("cut.torrent"), Arrays.copyOf(bytes, bytes.length / 2));
        Files.writeString(folder.resolve("noinfo.torrent"), "d8:announce3:foo4:spami1ee");
        Files.write(folder.resolve("empty.torrent"), new byte[0]);
        Files.write(folder.resolve("huge.torrent"), new byte[4096]);
        Files.createDirectories(folder.resolve("folder.torrent"));
        Files.writeString(folder.resolve("readme.txt"), "good one");

        TestTorrents.Sink sink = new TestTorrents.Sink();
        ScanReport report = searchOf(true, 100, 2048).run("good", ALL, sink);
        assertEquals(List.of("good one.iso"), sink.titles());
        assertEquals(4, report.malformed, report.toString());
        assertEquals(1, report.tooLarge, report.toString());
        assertEquals(6, report.torrentFiles, "the folder named .torrent and readme.txt are no torrent files");
        assertEquals(5, report.parsed, "the large one is never read");
    }

    @Test
    void aSecondSearchReadsNothingAgainButAChangedFileIsReadAnew() throws IOException {
        threeTorrents();
        Files.writeString(folder.resolve("garbage.torrent"), "not bencode");
        LocalSearch search = search();

        ScanReport first = search.run("iso", ALL, new TestTorrents.Sink());
        assertEquals(4, first.parsed);
        TestTorrents.Sink sink = new TestTorrents.Sink();
        ScanReport second = search.run("iso", ALL, sink);
        assertEquals(0, second.parsed, "all known: " + second);
        assertEquals(1, second.malformed, "a known malformed file still counts");
        assertEquals(List.of("Debian Live", "ubuntu-24.04-desktop-amd64.iso"), sink.titles());

        // The same file name, another torrent: a new size and time make it read again.
        Path ubuntu = folder.resolve("ubuntu.torrent");
        FileTime before = Files.getLastModifiedTime(ubuntu);
        TestTorrents.single(folder, "ubuntu.torrent", work.resolve("again"), "kubuntu-24.04.iso", 4000);
        Files.setLastModifiedTime(ubuntu, FileTime.from(before.toInstant().plusSeconds(10)));
        sink = new TestTorrents.Sink();
        ScanReport third = search.run("iso", ALL, sink);
        assertEquals(1, third.parsed, third.toString());
        assertEquals(List.of("Debian Live", "kubuntu-24.04.iso"), sink.titles());

        // A whole walk forgets the files that went.
        assertEquals(4, search.cached());
        Files.delete(folder.resolve("garbage.torrent"));
        Files.delete(folder.resolve("bunny.torrent"));
        ScanReport fourth = search.run("iso", ALL, new TestTorrents.Sink());
        assertEquals(0, fourth.parsed);
        assertEquals(2, search.cached());
    }

    @Test
    void theLimitAndASinkThatWantsNoMoreEndTheWalk() throws IOException {
        for (int i = 0; i < 5; i++) {
            TestTorrents.single(folder, "part" + i + ".torrent", work, "part " + i + ".iso", 1000 + i);
        }
        TestTorrents.Sink sink = new TestTorrents.Sink();
        ScanReport report = search().run("part", ALL.withLimit(2), sink);
        assertEquals(2, sink.results.size());
        assertEquals(2, report.torrentFiles, "no file looked at past the limit");
        assertTrue(report.stopped);

        sink = new TestTorrents.Sink(3);
        report = search().run("part", ALL, sink);
        assertEquals(3, sink.results.size());
        assertEquals(3, report.torrentFiles);
    }

    @Test
    void aCancelledSearchStopsBeforeTheNextFile() throws IOException {
        for (int i = 0; i < 5; i++) {
            TestTorrents.single(folder, "part" + i + ".torrent", work, "part " + i + ".iso", 1000 + i);
        }
        TestTorrents.Sink sink = new TestTorrents.Sink() {
            @Override
            public boolean offer(SearchResult result) {
                super.offer(result);
                cancelled = true; // as the user's cancel would, while offer itself still said yes
                return true;
            }
        };
        ScanReport report = search().run("part", ALL, sink);
        assertEquals(1, sink.results.size());
        assertEquals(1, report.torrentFiles);
        assertTrue(report.stopped);

        sink = new TestTorrents.Sink();
        sink.cancelled = true;
        report = search().run("part", ALL, sink);
        assertEquals(0, report.torrentFiles, "cancelled before it began");
    }

    @Test
    void anInterruptedSearchStops() throws IOException {
        TestTorrents.single(folder, "part.torrent", work, "part.iso", 1000);
        TestTorrents.Sink sink = new TestTorrents.Sink();
        Thread.currentThread().interrupt();
        try {
            ScanReport report = search().run("part", ALL, sink);
            assertTrue(report.stopped);
            assertEquals(0, sink.results.size());
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is left for the caller to see");
        }
    }

    @Test
    void maxFilesBoundsTheWalkAndThenNothingIsForgotten() throws IOException {
        for (int i = 0; i < 5; i++) {
            TestTorrents.single(folder, "part" + i + ".torrent", work, "part " + i + ".iso", 1000 + i);
        }
        LocalSearch search = searchOf(true, 3, LocalSettings.DEFAULT_MAX_TORRENT_BYTES);
        TestTorrents.Sink sink = new TestTorrents.Sink();
        ScanReport report = search.run("part", ALL, sink);
        assertEquals(3, report.torrentFiles);
        assertTrue(report.truncated);
        assertFalse(report.complete());
        assertEquals(3, sink.results.size());
    }

    @Test
    void linksAreFollowedAndALoopIsLeft() throws IOException {
        TestTorrents.single(folder, "here.torrent", work, "here.iso", 1000);
        Path other = Files.createDirectories(temp.resolve("other"));
        TestTorrents.single(other, "there.torrent", work, "there.iso", 1000);
        Files.createDirectories(folder.resolve("sub"));
        Files.createSymbolicLink(folder.resolve("sub/back-to-top"), folder);
        Files.createSymbolicLink(folder.resolve("elsewhere"), other);
        Files.createSymbolicLink(folder.resolve("linked.torrent"), other.resolve("there.torrent"));

        TestTorrents.Sink sink = new TestTorrents.Sink();
        ScanReport report = search().run("iso", ALL, sink);
        assertEquals(List.of("here.iso", "there.iso"), sink.titles(), "each torrent once");
        assertTrue(report.loops >= 1, report.toString());
        assertEquals(3, report.torrentFiles, "here, there through the folder link, and the file link");
    }

    @Test
    void foldersGoneOrNoneConfiguredFailWithAMessage() throws IOException {
        Path gone = temp.resolve("gone");
        Path alsoGone = temp.resolve("also-gone");
        NoSuchFileException none = assertThrows(NoSuchFileException.class,
                () -> searchOf(true, 10, 10_000, gone, alsoGone).run("x", ALL, new TestTorrents.Sink()));
        assertTrue(none.getMessage().contains(gone.toString()) && none.getMessage().contains(alsoGone.toString()),
                none.getMessage());

        TestTorrents.single(folder, "here.torrent", work, "here.iso", 1000);
        TestTorrents.Sink sink = new TestTorrents.Sink();
        ScanReport report = searchOf(true, 10, 10_000, gone, folder).run("here", ALL, sink);
        assertEquals(List.of("here.iso"), sink.titles(), "one folder gone, the other searched");
        assertEquals(List.of(gone), report.missing);

        LocalSearch unconfigured = new LocalSearch(LocalSettings.of(new String[0], true, 10, 10_000));
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> unconfigured.run("x", ALL, new TestTorrents.Sink()));
        assertTrue(empty.getMessage().contains("'folders'") && empty.getMessage().contains(LocalSearchProvider.PID),
                empty.getMessage());
    }

    @Test
    void queryWordsAreLowerCaseAndEachOnce() {
        assertEquals(List.of("ubuntu", "24.04"), LocalSearch.words("  Ubuntu\t24.04 UBUNTU "));
    }
}
