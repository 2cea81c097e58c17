package dev.shoal.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.shell.internal.args.ShellException;
import dev.shoal.support.torrent.TorrentSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against the real engine (real storage, announcer and swarm service on 127.0.0.1,
 * their bundles running in a framework, reached through the Engine service) in a real Gogo runtime,
 * over a torrent the test makes of local files.
 */
@Timeout(120)
class EngineCommandsTest {

    @TempDir
    Path dir;

    private EngineRig rig;
    private Engine engine;
    private GogoRig gogo;

    @BeforeEach
    void setUp() throws Exception {
        Path album = Files.createDirectories(dir.resolve("seed/album"));
        Random random = new Random(7);
        byte[] a = new byte[100 * 1024];
        byte[] b = new byte[50 * 1024];
        random.nextBytes(a);
        random.nextBytes(b);
        Files.write(album.resolve("a.bin"), a);
        Files.write(album.resolve("b.bin"), b);
        Files.write(dir.resolve("album.torrent"), new StandaloneTorrentCreator(1)
                .create(CreateRequest.builder(album).pieceLength(16 * 1024).build()).bytes());

        rig = new EngineRig(dir);
        engine = rig.engine();
        gogo = new GogoRig(dir)
                .register(new AddCommand(engine, new TorrentSource("Shoal test")))
                .register(new TorrentCommands(engine))
                .register(new ContentCommands(engine))
                .register(new TransferCommands(engine))
                .register(new PlaceCommands(engine))
                .register(new TrackerCommand(engine));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (gogo != null) {
            gogo.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    private Torrent added(String line) throws Exception {
        String said = gogo.run(line);
        assertTrue(said.startsWith("added "), said);
        int id = Integer.parseInt(said.split(" ")[1]);
        return engine.torrents().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30s: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void awaitState(Torrent torrent, TorrentState state) throws InterruptedException {
        await(() -> torrent.status().state() == state, torrent.status().name() + " " + state + ", is "
                + torrent.status().state());
    }

    @Test
    void moveRenameAndLabelATorrentAndInfoShowsItsDates() throws Exception {
        Torrent torrent = added("shoal:add album.torrent --dir seed");
        awaitState(torrent, TorrentState.SEEDING);
        int id = torrent.id();
        Path moved = dir.resolve("moved");

        assertEquals("moved " + id + " album to " + moved, gogo.run("shoal:move " + id + " " + moved));
        assertTrue(Files.exists(moved.resolve("album/a.bin")));
        assertFalse(Files.exists(dir.resolve("seed/album")));
        awaitState(torrent, TorrentState.SEEDING);

        assertEquals("renamed album/b.bin to c.bin in " + id + " album",
                gogo.run("shoal:rename " + id + " album/b.bin c.bin"));
        assertTrue(Files.exists(moved.resolve("album/c.bin")));
        ShellException taken = assertThrows(ShellException.class,
                () -> gogo.run("shoal:rename " + id + " album/a.bin c.bin"));
        assertTrue(taken.getMessage().contains("in the torrent already"), taken.getMessage());
        assertThrows(ShellException.class, () -> gogo.run("shoal:rename " + id + " album/a.bin x/y"));

        assertEquals("labels of " + id + " album: none", gogo.run("shoal:label " + id));
        assertEquals("labels of " + id + " album: tv, hd", gogo.run("shoal:label " + id + " tv,hd tv"));
        ShellException comma = assertThrows(ShellException.class,
                () -> gogo.run("shoal:label " + id + " '" + "x".repeat(200) + "'"));
        assertTrue(comma.getMessage().contains("at most"), comma.getMessage());

        String info = gogo.run("shoal:info " + id);
        assertTrue(info.contains("Labels:       tv, hd"), info);
        assertTrue(info.contains("Directory:    " + moved), info);
        assertTrue(info.matches("(?s).*Added: +\\d{4}-\\d\\d-\\d\\d .*"), info);
        assertTrue(info.matches("(?s).*Completed: +\\d{4}-.*"), info);
        assertEquals("labels of " + id + " album: none", gogo.run("shoal:label " + id + " --clear"));
    }

    @Test
    void trackersAreAddedToATierAndRemovedByUrlOrNumber() throws Exception {
        Torrent torrent = added("shoal:add album.torrent --dir seed --paused");
        int id = torrent.id();
        assertEquals("trackers of " + id + " album: none", gogo.run("shoal:tracker " + id));
        gogo.run("shoal:tracker " + id + " add http://a.example/announce");
        gogo.run("shoal:tracker " + id + " add udp://b.example:6969 --tier 0");
        assertEquals("trackers of " + id + " album:\n#1 tier 0  http://a.example/announce\n#2 tier 0  udp://b.example:6969"
                + "\n#3 tier 1  https://c.example/a",
                gogo.run("shoal:tracker " + id + " add https://c.example/a"));
        assertEquals(List.of(List.of("http://a.example/announce", "udp://b.example:6969"),
                List.of("https://c.example/a")), torrent.trackers());
        ShellException refused = assertThrows(ShellException.class,
                () -> gogo.run("shoal:tracker " + id + " add ftp://d.example/"));
        assertEquals("not an http, https or udp announce URL: ftp://d.example/", refused.getMessage());
        assertThrows(ShellException.class, () -> gogo.run("shoal:tracker " + id + " add http://e.example/ --tier 5"));
        assertThrows(ShellException.class, () -> gogo.run("shoal:tracker " + id + " remove 9"));
        gogo.run("shoal:tracker " + id + " remove 1");
        assertEquals("trackers of " + id + " album:\n#1 tier 0  https://c.example/a",
                gogo.run("shoal:tracker " + id + " remove udp://b.example:6969"));
    }

    @Test
    void addListPauseResumeAndRemoveWithItsData() throws Exception {
        assertEquals("no torrents", gogo.run("shoal:list"));
        String said = gogo.run("shoal:add album.torrent --dir seed");
        Torrent torrent = engine.torrents().get(0);
        int id = torrent.id();
        assertEquals("added " + id + " album (150 KiB) in " + dir.resolve("seed"), said);
        awaitState(torrent, TorrentState.SEEDING);

        List<String> list = List.of(gogo.run("shoal:list").split("\n"));
        assertEquals(2, list.size(), list.toString());
        assertTrue(list.get(0).startsWith("ID  NAME"), list.get(0));
        assertTrue(list.get(1).matches(" *" + id + "  album +150 KiB +100% +seeding .*"), list.get(1));
        assertEquals(list.get(1) + "\n", gogo.run("shoal:list | grep --color=never album"));
        assertEquals("", gogo.run("shoal:list | grep --color=never ubuntu"));

        assertEquals("paused " + id + " album", gogo.run("shoal:pause " + id));
        awaitState(torrent, TorrentState.PAUSED);
        assertTrue(gogo.run("shoal:list").contains(" paused "));
        assertEquals("resumed " + id + " album", gogo.run("shoal:resume " + torrent.infoHash().hex().substring(0, 8)));
        awaitState(torrent, TorrentState.SEEDING);

        assertTrue(gogo.run("shoal:info " + id).contains("Name:         album"));
        assertEquals("removed " + id + " album and deleted its files", gogo.run("shoal:remove --delete-data " + id));
        assertFalse(Files.exists(dir.resolve("seed/album/a.bin")));
        assertFalse(Files.exists(dir.resolve("seed/album")), "the torrent's emptied folder goes too");
        assertTrue(Files.exists(dir.resolve("album.torrent")), "nothing else is touched");
        assertEquals("no torrents", gogo.run("shoal:list"));
    }

    @Test
    void filesAndTheirPriorities() throws Exception {
        Torrent torrent = added("shoal:add album.torrent --dir empty --paused");
        int id = torrent.id();
        assertEquals(TorrentState.PAUSED, torrent.status().state());
        assertEquals(String.join("\n",
                "#  PRIORITY  DONE      SIZE  PATH",
                "1  normal    0.0%   100 KiB  album/a.bin",
                "2  normal    0.0%  50.0 KiB  album/b.bin"), gogo.run("shoal:files " + id));
        assertEquals(id + " album: file 2 (album/b.bin) skip", gogo.run("shoal:prio " + id + " 2 skip"));
        assertEquals(id + " album: 2 files high", gogo.run("shoal:prio " + id + " all high"));
        assertEquals(id + " album: file 1 (album/a.bin) normal", gogo.run("shoal:prio " + id + " 1 normal"));
        // Priorities are applied on the engine's thread.
        await(() -> torrent.files().get(0).priority() == FilePriority.NORMAL
                && torrent.files().get(1).priority() == FilePriority.HIGH, "the priorities applied");
        assertTrue(gogo.run("shoal:files " + id).contains("2  high"));
        assertEquals("no file 3: the torrent has 2 files; usage: shoal:prio <torrent> <file#|a-b|all>[,...]"
                + " high|normal|skip", message("shoal:prio " + id + " 3 high"));
        assertEquals("no priority \"urgent\"; usage: shoal:prio <torrent> <file#|a-b|all>[,...] high|normal|skip",
                message("shoal:prio " + id + " 1 urgent"));
        assertEquals(id + " album: no peers connected", gogo.run("shoal:peers " + id));
        assertEquals(id + " album: no trackers", gogo.run("shoal:trackers " + id));
    }

    @Test
    void limitsGoalsAndTheQueue() throws Exception {
        int id = added("shoal:add album.torrent --dir seed --paused").id();
        assertEquals("limits of " + id + " album: down unlimited, up unlimited", gogo.run("shoal:limit " + id));
        assertEquals("limits of " + id + " album: down 500 KiB/s, up unlimited (were down unlimited, up unlimited)",
                gogo.run("shoal:limit --down 500K " + id));
        assertEquals("global limits: down unlimited, up 2.0 MiB/s (were down unlimited, up unlimited)",
                gogo.run("shoal:limit --up 2M"));
        assertEquals("seed goal of " + id + " album: ratio 2.00 or 1h of seeding (was ratio 1.00)",
                gogo.run("shoal:goal " + id + " --ratio 2 --time 1h"));
        assertEquals("seed goal of " + id + " album: forever (was ratio 2.00 or 1h of seeding)",
                gogo.run("shoal:goal " + id + " --forever"));
        Files.write(dir.resolve("b.torrent"), new StandaloneTorrentCreator(1)
                .create(CreateRequest.builder(dir.resolve("seed/album/b.bin")).build()).bytes());
        Torrent second = added("shoal:add b.torrent --dir seed/album --paused");
        assertEquals(second.id() + " b.bin: moved to the top of the queue (was #2)",
                gogo.run("shoal:queue " + second.id() + " top"));
        await(() -> second.queuePosition() == 1, "b.bin first in the queue");
        List<String> rows = List.of(gogo.run("shoal:list").split("\n"));
        assertTrue(rows.get(1).contains(" b.bin ") && rows.get(2).contains(" album "), rows.toString());
        assertEquals(id + " album: moved up in the queue (was #2)", gogo.run("shoal:queue " + id + " up"));
        await(() -> second.queuePosition() == 2, "album first again");
        assertEquals("no queue move \"sideways\"; usage: shoal:queue <torrent> top|up|down|bottom",
                message("shoal:queue " + id + " sideways"));
        assertEquals("--down: not a rate: \"fast\" (say e.g. 500K, 2M or 1.5MiB; K = 1024; 0 for no limit); usage:"
                + " shoal:limit [--down RATE] [--up RATE] [<torrent>] (RATE like 500K or 2M, 0 = unlimited)",
                message("shoal:limit --down fast"));
    }

    @Test
    void unknownTorrentsAreOneLineAndNothingIsTouched() throws Exception {
        Torrent torrent = added("shoal:add album.torrent --dir seed");
        int id = torrent.id();
        assertEquals("no torrent 99", message("shoal:info 99"));
        assertEquals("no torrent 99", message("shoal:pause " + id + " 99"));
        assertEquals("not a torrent id or an info-hash (at least 4 hex digits): zzzz", message("shoal:remove zzzz"));
        assertEquals("no torrent ffffffff", message("shoal:files ffffffff"));
        assertTrue(torrent.status().state() != TorrentState.PAUSED, "pause checked every name before pausing any");
        assertEquals("already added: album", message("shoal:add album.torrent --dir seed"));
        assertEquals(1, engine.torrents().size());
        assertEquals("missing arguments; usage: shoal:info <torrent>", message("shoal:info"));
        assertTrue(message("shoal:add nothing.torrent").endsWith("nothing.torrent: no such file"));
    }

    private String message(String line) {
        return assertThrows(ShellException.class, () -> gogo.run(line)).getMessage();
    }
}
