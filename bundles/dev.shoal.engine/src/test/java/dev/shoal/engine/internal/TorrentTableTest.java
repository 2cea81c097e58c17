package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.QueueMove;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.TorrentVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ids, queue order and lookup over torrents with chosen info-hashes (no torrent here runs). */
class TorrentTableTest {

    private final EngineThread thread = new EngineThread();
    private final EngineContext context = new EngineContext(new Services(), thread, null, null, null, null, null,
            null, null, null, null);
    private final TorrentTable table = new TorrentTable();

    @AfterEach
    void stop() {
        thread.stop(Duration.ofSeconds(1));
    }

    private TorrentRuntime add(String name, String hex) {
        InfoHash hash = InfoHash.fromHex(hex);
        Metainfo metainfo = new Metainfo(name, TorrentVersion.V1, 16384, 1, 10,
                List.of(FileEntry.of(List.of(name), 10, 0)), true, List.of(), List.of(), false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(hash), Optional.empty(), new byte[20],
                new byte[] {'d', 'e'}, List.of());
        TorrentRecord record = Additions.record(table.newId(),
                new AddTorrent(metainfo, Path.of("/dl"), SeedGoal.DEFAULT, RateLimits.UNLIMITED, true));
        TorrentRuntime torrent = new TorrentRuntime(metainfo, record, false, context);
        assertEquals(TorrentState.PAUSED, torrent.view().status().state());
        table.add(torrent);
        return torrent;
    }

    @Test
    void a_torrent_is_found_by_id_then_by_a_unique_hex_prefix() throws Exception {
        TorrentRuntime one = add("one", "abcd" + "0".repeat(36));
        TorrentRuntime two = add("two", "abce" + "1".repeat(36));
        TorrentRuntime three = add("three", "1234" + "2".repeat(36));
        assertEquals(List.of(1, 2, 3), List.of(one.id(), two.id(), three.id()));

        assertSame(two, table.find("2"));
        assertSame(three, table.find(" 3 "));
        assertSame(one, table.find("ABCD"));
        assertSame(three, table.find("1234"), "no torrent has the id 1234: the digits are a prefix");
        assertSame(two, table.find(two.infoHash().hex()));

        assertEquals("no torrent 12", message("12"));
        assertEquals("no torrent 9999", message("9999"));
        assertEquals("no torrent abcf", message("abcf"));
        assertEquals("not a torrent id or an info-hash (at least 4 hex digits): abc", message("abc"));
        assertEquals("not a torrent id or an info-hash (at least 4 hex digits): xyz1", message("xyz1"));
        assertEquals("name a torrent by its id or its info-hash", message("  "));
    }

    @Test
    void an_ambiguous_prefix_names_the_torrents_it_matches() {
        add("one", "abcd" + "0".repeat(36));
        add("two", "abcd" + "1".repeat(36));
        assertEquals("abcd matches 2 torrents: 1 one, 2 two", message("abcd"));
        for (int i = 0; i < 6; i++) {
            add("more" + i, "abcd" + Integer.toHexString(i + 2).repeat(36));
        }
        assertEquals("ABCD matches 8 torrents: 1 one, 2 two, 3 more0, 4 more1, 5 more2, …", message("ABCD"));
    }

    @Test
    void ids_are_not_given_again_and_the_queue_moves() {
        TorrentRuntime a = add("a", "a".repeat(40));
        TorrentRuntime b = add("b", "b".repeat(40));
        TorrentRuntime c = add("c", "c".repeat(40));
        assertTrue(table.remove(c));
        assertFalse(table.remove(c));
        TorrentRuntime d = add("d", "d".repeat(40));
        assertEquals(4, d.id(), "the removed torrent's id 3 is not given again");
        table.nextIdAtLeast(2);
        assertEquals(5, table.newId());
        table.nextIdAtLeast(100);
        assertEquals(100, table.newId());

        assertEquals(List.of(a, b, d), table.inOrder());
        assertTrue(table.move(d, TorrentTable.target(QueueMove.TOP)));
        assertEquals(List.of(d, a, b), table.inOrder());
        assertFalse(table.move(d, TorrentTable.target(QueueMove.UP)), "at the top already");
        assertTrue(table.move(d, TorrentTable.target(QueueMove.DOWN)));
        assertTrue(table.move(a, TorrentTable.target(QueueMove.BOTTOM)));
        assertEquals(List.of(d, b, a), table.inOrder());
        assertEquals(3, table.position(a));
        assertEquals(0, table.position(c), "removed");
        assertFalse(table.move(c, TorrentTable.target(QueueMove.TOP)));
        assertEquals(List.of(d.infoHash(), b.infoHash(), a.infoHash()), table.session().queue());
        // An absolute place (Torrent.moveInQueue(int)): index 1, then beyond the end is the end.
        assertTrue(table.move(a, (from, size) -> 1));
        assertEquals(List.of(d, a, b), table.inOrder());
        assertTrue(table.move(d, (from, size) -> 99));
        assertEquals(List.of(a, b, d), table.inOrder());

        assertEquals(101, table.session().nextId());
    }

    private String message(String name) {
        return assertThrows(EngineException.class, () -> table.find(name)).getMessage();
    }
}
