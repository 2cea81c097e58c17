package dev.shoal.watch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.MagnetLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code .magnet} files in the watch folder: one link each, anything else set aside with its reason. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WatchMagnetTest {

    private static final String HASH = "0123456789abcdef0123456789abcdef01234567";
    private static final String LINK = "magnet:?xt=urn:btih:" + HASH + "&dn=ubuntu&tr=http%3A%2F%2F127.0.0.1%3A6969%2Fannounce"
            + "&x.pe=127.0.0.1:51413";

    @TempDir
    Path temp;

    private final TestTorrents.RecordingSink sink = new TestTorrents.RecordingSink();

    private Path folder() throws IOException {
        return Files.createDirectories(temp.resolve("watch"));
    }

    private static void twoPolls(WatchFolder watch) {
        watch.poll();
        watch.poll();
    }

    @Test
    void aMagnetFileIsAddedAsItsLinkThenMovedToAdded() throws Exception {
        Path folder = folder();
        // A byte order mark, blank space and a final line break, as editors leave them; the suffix in any case.
        Files.writeString(folder.resolve("ubuntu.MAGNET"), "\uFEFF  " + LINK + " \r\n");
        WatchFolder watch = new WatchFolder(folder, true, sink);

        watch.poll();
        assertTrue(sink.magnets.isEmpty(), "a file first seen may still be being written");
        watch.poll();
        assertEquals(1, sink.magnets.size());
        MagnetLink added = sink.magnets.get(0).magnet();
        assertEquals(MagnetLink.parse(LINK), added);
        assertEquals(HASH, added.infoHash().hex());
        assertEquals(List.of("http://127.0.0.1:6969/announce"), added.trackers());
        assertTrue(sink.magnets.get(0).paused(), "startPaused reaches the sink");
        assertTrue(sink.added.isEmpty(), "no torrent file was read");
        assertEquals(List.of("added"), TestTorrents.names(folder));
        assertEquals(List.of("ubuntu.MAGNET"), TestTorrents.names(folder.resolve("added")));
        twoPolls(watch);
        assertEquals(1, sink.magnets.size(), "taken once");
    }

    @Test
    void anythingButOneMagnetLinkGoesToFailedWithItsReason() throws Exception {
        Path folder = folder();
        Map<String, String> files = new TreeMap<>();
        files.put("empty.magnet", "  \n");
        files.put("two.magnet", LINK + "\n" + LINK.replace(HASH, "f".repeat(40)) + "\n");
        files.put("web.magnet", "https://example.org/ubuntu.torrent");
        files.put("short.magnet", "magnet:?xt=urn:btih:0123");
        files.put("nohash.magnet", "magnet:?dn=nothing");
        files.put("binary.magnet", "d8:announce0:4:infod4:name1:xee");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
        Files.write(folder.resolve("huge.magnet"), new byte[Dropped.MAX_MAGNET_BYTES + 1]);
        twoPolls(new WatchFolder(folder, false, sink));

        assertTrue(sink.magnets.isEmpty() && sink.added.isEmpty(), sink.magnets.toString());
        assertEquals(List.of("failed"), TestTorrents.names(folder));
        assertEquals(2 * (files.size() + 1), TestTorrents.names(folder.resolve("failed")).size(), "each with its reason");
        assertEquals("not a magnet link: the file is empty; a .magnet file holds one magnet link", reason(folder, "empty"));
        assertEquals("not a magnet link: a .magnet file holds one magnet link on one line", reason(folder, "two"));
        for (String name : List.of("web", "short", "nohash", "binary")) {
            assertTrue(reason(folder, name).startsWith("bad magnet link: "), name + ": " + reason(folder, name));
        }
        assertEquals("not a valid magnet link: " + (Dropped.MAX_MAGNET_BYTES + 1) + " bytes, larger than the "
                + Dropped.MAX_MAGNET_BYTES + " bytes a .magnet file may have", reason(folder, "huge"));
    }

    @Test
    void aMagnetTheEngineRefusesGoesToFailedWithTheEnginesReason() throws Exception {
        Path folder = folder();
        Files.writeString(folder.resolve("first.magnet"), LINK);
        Files.writeString(folder.resolve("second.magnet"), "magnet:?xt=urn:btih:" + HASH.toUpperCase());
        twoPolls(new WatchFolder(folder, false, sink));
        assertEquals(1, sink.magnets.size());
        assertEquals(List.of("first.magnet"), TestTorrents.names(folder.resolve("added")));
        assertEquals("not added: already added: " + HASH, reason(folder, "second"));
    }

    private static String reason(Path folder, String name) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("failed/" + name + ".magnet.error.txt"));
        assertEquals(1, lines.size(), lines.toString());
        return lines.get(0);
    }
}
