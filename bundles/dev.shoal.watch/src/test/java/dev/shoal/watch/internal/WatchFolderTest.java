package dev.shoal.watch.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.Metainfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The watch folder against real files in a temporary directory; polls are called by hand. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WatchFolderTest {

    @TempDir
    Path temp;

    private final TestTorrents.RecordingSink sink = new TestTorrents.RecordingSink();

    private Path folder() throws IOException {
        return Files.createDirectories(temp.resolve("watch"));
    }

    @Test
    void aStableTorrentIsAddedThenMovedToAdded() throws Exception {
        Path folder = folder();
        byte[] bytes = TestTorrents.torrent(temp, "alpha");
        Files.write(folder.resolve("alpha.torrent"), bytes);
        WatchFolder watch = new WatchFolder(folder, true, sink);

        watch.poll();
        assertTrue(sink.added.isEmpty(), "a file first seen may still be being written");
        watch.poll();
        assertEquals(1, sink.added.size());
        assertEquals(Metainfo.parse(bytes).infoHash(), sink.added.get(0).metainfo().infoHash());
        assertTrue(sink.added.get(0).paused(), "startPaused reaches the sink");
        assertEquals(List.of("added"), TestTorrents.names(folder));
        assertArrayEquals(bytes, Files.readAllBytes(folder.resolve("added/alpha.torrent")));
        watch.poll();
        assertEquals(1, sink.added.size(), "taken once");
    }

    @Test
    void onlyTorrentFilesAreTakenAnyCaseOfTheSuffix() throws Exception {
        Path folder = folder();
        Files.write(folder.resolve("UPPER.TORRENT"), TestTorrents.torrent(temp, "upper"));
        Files.writeString(folder.resolve("notes.txt"), "not a torrent");
        Files.createDirectories(folder.resolve("a directory.torrent"));
        WatchFolder watch = new WatchFolder(folder, false, sink);
        watch.poll();
        watch.poll();
        assertEquals(1, sink.added.size());
        assertFalse(sink.added.get(0).paused());
        assertEquals(List.of("a directory.torrent", "added", "notes.txt"), TestTorrents.names(folder));
    }

    @Test
    void aMalformedFileGoesToFailedWithItsReasonOnce() throws Exception {
        Path folder = folder();
        Files.writeString(folder.resolve("broken.torrent"), "d4:infoi42ee");
        WatchFolder watch = new WatchFolder(folder, false, sink);
        watch.poll();
        watch.poll();
        assertTrue(sink.added.isEmpty());
        assertEquals(List.of("broken.torrent", "broken.torrent.error.txt"), TestTorrents.names(folder.resolve("failed")));
        List<String> reason = Files.readAllLines(folder.resolve("failed/broken.torrent.error.txt"));
        assertEquals(1, reason.size(), reason.toString());
        assertTrue(reason.get(0).startsWith("not a valid torrent: "), reason.get(0));
        watch.poll();
        watch.poll();
        assertEquals(List.of("broken.torrent", "broken.torrent.error.txt"), TestTorrents.names(folder.resolve("failed")));
        assertEquals(List.of("failed"), TestTorrents.names(folder));
    }

    @Test
    void aRefusedAddGoesToFailedWithTheEnginesReason() throws Exception {
        Path folder = folder();
        byte[] bytes = TestTorrents.torrent(temp, "twice");
        Files.write(folder.resolve("first.torrent"), bytes);
        Files.write(folder.resolve("second.torrent"), bytes);
        WatchFolder watch = new WatchFolder(folder, false, sink);
        watch.poll();
        watch.poll();
        assertEquals(1, sink.added.size());
        assertEquals(List.of("first.torrent"), TestTorrents.names(folder.resolve("added")));
        assertEquals(List.of("second.torrent", "second.torrent.error.txt"), TestTorrents.names(folder.resolve("failed")));
        String reason = Files.readString(folder.resolve("failed/second.torrent.error.txt")).strip();
        assertTrue(reason.startsWith("not added: already added: "), reason);
    }

    @Test
    void aFileStillBeingWrittenIsTakenOnlyOnceItHeldStillForAPoll() throws Exception {
        Path folder = folder();
        byte[] bytes = TestTorrents.torrent(temp, "slow");
        Path file = folder.resolve("slow.torrent");
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        WatchFolder watch = new WatchFolder(folder, false, sink);
        watch.poll();
        Files.write(file, java.util.Arrays.copyOfRange(bytes, bytes.length / 2, bytes.length), StandardOpenOption.APPEND);
        watch.poll();
        assertTrue(sink.added.isEmpty(), "its size changed since the last poll");
        assertTrue(Files.exists(file));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        watch.poll();
        assertTrue(sink.added.isEmpty(), "same size, but its time changed since the last poll");
        watch.poll();
        assertEquals(1, sink.added.size(), "unchanged over one poll: taken whole");
        assertArrayEquals(bytes, Files.readAllBytes(folder.resolve("added/slow.torrent")));
    }

    @Test
    void aNameTakenInAddedGetsTheNextFreeOne() throws Exception {
        Path folder = folder();
        Files.createDirectories(folder.resolve("added"));
        Files.writeString(folder.resolve("added/clash.torrent"), "earlier");
        Files.writeString(folder.resolve("added/clash (2).torrent"), "earlier still");
        byte[] bytes = TestTorrents.torrent(temp, "clash");
        Files.write(folder.resolve("clash.torrent"), bytes);
        WatchFolder watch = new WatchFolder(folder, false, sink);
        watch.poll();
        watch.poll();
        assertEquals(1, sink.added.size());
        assertEquals("earlier", Files.readString(folder.resolve("added/clash.torrent")), "never overwritten");
        assertArrayEquals(bytes, Files.readAllBytes(folder.resolve("added/clash (3).torrent")));
        assertEquals("README (2)", SetAside.numbered("README", 2));
    }

    @Test
    void aMissingFolderIsCreated() throws Exception {
        Path folder = temp.resolve("not/there/yet");
        WatchFolder watch = new WatchFolder(folder, false, sink);
        watch.poll();
        assertTrue(Files.isDirectory(folder));
        assertEquals(Optional.empty(), watch.problem());
    }

    @Test
    void aFolderThatIsAFileIsAProblemUntilItIsAFolder() throws Exception {
        Path folder = Files.writeString(temp.resolve("watch"), "a file");
        WatchFolder watch = new WatchFolder(folder, false, sink);
        watch.poll();
        assertEquals(Optional.of("is not a directory"), watch.problem());
        Files.delete(folder);
        watch.poll();
        assertEquals(Optional.empty(), watch.problem(), "created at the next poll");
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void aFileLargerThanATorrentMayBeIsRefused() throws Exception {
        Path folder = folder();
        byte[] bytes = TestTorrents.torrent(temp, "big");
        Files.write(folder.resolve("big.torrent"), bytes);
        WatchFolder watch = new WatchFolder(folder, false, sink, bytes.length - 1);
        watch.poll();
        watch.poll();
        assertTrue(sink.added.isEmpty());
        String reason = Files.readString(folder.resolve("failed/big.torrent.error.txt")).strip();
        assertEquals("not a valid torrent: " + bytes.length + " bytes, larger than the " + (bytes.length - 1)
                + " bytes a torrent file may have", reason);
    }

    @Test
    void aFloodIsWorkedOffAHundredFilesAPoll() throws Exception {
        Path folder = folder();
        for (int i = 0; i < 150; i++) {
            Files.writeString(folder.resolve(String.format("f%03d.torrent", i)), "junk " + i);
        }
        WatchFolder watch = new WatchFolder(folder, false, sink);
        watch.poll();
        watch.poll();
        assertEquals(2 * WatchFolder.MAX_FILES_PER_POLL, TestTorrents.names(folder.resolve("failed")).size(), "100 files and their reasons");
        assertEquals(51, TestTorrents.names(folder).size(), "50 left, and failed/");
        watch.poll();
        watch.poll();
        assertEquals(List.of("failed"), TestTorrents.names(folder));
        assertEquals(300, TestTorrents.names(folder.resolve("failed")).size());
    }

    @Test
    void aTorrentThatCannotBeMovedAsideIsNotAddedAgain() throws Exception {
        Path folder = folder();
        Files.writeString(folder.resolve("added"), "a file where the folder should be");
        Files.write(folder.resolve("stays.torrent"), TestTorrents.torrent(temp, "stays"));
        WatchFolder watch = new WatchFolder(folder, false, sink);
        for (int i = 0; i < 5; i++) {
            watch.poll();
        }
        assertEquals(1, sink.added.size(), "added once, then left alone");
        assertTrue(Files.exists(folder.resolve("stays.torrent")));
        assertFalse(Files.exists(folder.resolve("failed")), "not sent to failed/ either: it was added");
    }

    @Test
    void reasonsAreOneBoundedLine() {
        assertEquals("a b c", WatchFolder.oneLine(" a\nb\r\n\tc "));
        assertEquals(WatchFolder.MAX_REASON_CHARS + 1, WatchFolder.oneLine("x".repeat(10_000)).length());
    }
}
