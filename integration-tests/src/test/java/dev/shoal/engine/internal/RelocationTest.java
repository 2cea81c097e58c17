package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.engine.api.IdleLimit;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentDates;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.metainfo.Metainfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Moving and renaming a torrent's files, its labels, dates and idle limit, across restarts. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RelocationTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    private Path downloads() {
        return temp.resolve("downloads");
    }

    private static void await(java.util.concurrent.CompletionStage<Void> stage) throws Exception {
        stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void a_seeding_torrent_moves_its_files_and_seeds_from_the_new_place_after_a_restart_too() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "t", List.of());
        Path target = temp.resolve("moved");
        TorrentDates before;
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.seed(metainfo, downloads());
            torrent.setLabels(List.of(" tv ", "hd", "tv", ""));
            assertEquals(List.of("tv", "hd"), torrent.labels(), "trimmed, blanks and repeats dropped");
            assertThrows(IllegalArgumentException.class, () -> torrent.setLabels(List.of("a,b")));
            torrent.setIdleLimit(IdleLimit.of(Duration.ofHours(3)));

            await(torrent.moveTo(target, true));

            assertEquals(target.toAbsolutePath(), torrent.downloadDirectory());
            assertTrue(Files.exists(TestTorrents.file(target, metainfo, 2)));
            assertFalse(Files.exists(downloads().resolve("t")), "the old folder of the torrent is gone");
            Rig.awaitState(torrent, TorrentState.SEEDING, WAIT);
            assertTrue(torrent.status().complete());
            before = torrent.dates();
            assertTrue(before.done().isPresent(), "it completed");
            assertTrue(!before.done().get().isBefore(before.added()));
        }
        try (Rig rig = Rig.in(temp)) {
            Torrent back = rig.engine.torrents().get(0);
            assertEquals(target.toAbsolutePath(), back.downloadDirectory());
            assertEquals(List.of("tv", "hd"), back.labels());
            assertEquals(IdleLimit.of(Duration.ofHours(3)), back.idleLimit());
            assertEquals(before.added().toEpochMilli(), back.dates().added().toEpochMilli(), "kept to the ms");
            assertEquals(before.done(), back.dates().done());
            Rig.awaitState(back, TorrentState.SEEDING, WAIT);
            assertEquals(0, rig.swarms.storages.get(0).stats().piecesHashed(), "the resume data still vouches");
        }
    }

    @Test
    void renaming_a_file_and_the_top_folder_renames_them_on_disk_and_is_kept() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "t", List.of());
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.seed(metainfo, downloads());
            await(torrent.rename("t/sub/b.bin", "renamed.bin"));
            await(torrent.rename("t", "top"));
            assertTrue(Files.exists(downloads().resolve("top/sub/renamed.bin")));
            assertTrue(Files.exists(downloads().resolve("top/a.bin")));
            assertFalse(Files.exists(downloads().resolve("t")));
            assertEquals("top", torrent.status().name());
            Rig.awaitState(torrent, TorrentState.SEEDING, WAIT);

            ExecutionException taken = assertThrows(ExecutionException.class,
                    () -> await(torrent.rename("top/a.bin", "sub")));
            assertInstanceOf(EngineException.class, taken.getCause());
            ExecutionException slash = assertThrows(ExecutionException.class,
                    () -> await(torrent.rename("top/a.bin", "../x")));
            assertTrue(slash.getCause().getMessage().contains("one plain"), slash.getCause().getMessage());
            assertThrows(ExecutionException.class, () -> await(torrent.rename("nothing/here", "x")));
        }
        try (Rig rig = Rig.in(temp)) {
            Torrent back = rig.engine.torrents().get(0);
            assertEquals("top", back.status().name());
            assertEquals(List.of("top/a.bin", "top/sub/renamed.bin", "top/sub/deeper/c.bin"),
                    back.files().stream().map(FileStatus::path).toList());
            Rig.awaitState(back, TorrentState.SEEDING, WAIT);
            assertTrue(back.status().complete());
        }
    }

    @Test
    void a_move_onto_taken_files_fails_and_the_torrent_seeds_where_it_was() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "t", List.of());
        Path target = temp.resolve("taken");
        Files.createDirectories(target.resolve("t"));
        Files.writeString(target.resolve("t/a.bin"), "someone else's");
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.seed(metainfo, downloads());
            ExecutionException failed = assertThrows(ExecutionException.class, () -> await(torrent.moveTo(target,
                    true)));
            assertTrue(failed.getCause().getMessage().contains("there already"), failed.getCause().getMessage());
            assertEquals(downloads().toAbsolutePath(), torrent.downloadDirectory());
            assertEquals("someone else's", Files.readString(target.resolve("t/a.bin")));
            Rig.awaitState(torrent, TorrentState.SEEDING, WAIT);
            assertTrue(torrent.status().complete());
        }
    }

    @Test
    void a_new_location_without_moving_finds_the_data_there() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "t", List.of());
        Path elsewhere = temp.resolve("elsewhere");
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.engine.add(AddTorrent.of(metainfo, downloads()).withSeedGoal(SeedGoal.FOREVER)
                    .withPaused(true));
            Files.createDirectories(elsewhere);
            Files.move(downloads().resolve("t"), elsewhere.resolve("t"));
            await(torrent.moveTo(elsewhere, false));
            torrent.resume();
            Rig.awaitState(torrent, TorrentState.SEEDING, WAIT);
            assertTrue(torrent.status().complete());
            assertEquals(elsewhere.toAbsolutePath(), torrent.downloadDirectory());
        }
    }

    @Test
    void a_seed_that_uploads_nothing_stops_at_its_idle_limit() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "t", List.of());
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.engine.add(AddTorrent.of(metainfo, downloads()).withSeedGoal(SeedGoal.FOREVER)
                    .withPaused(true));
            torrent.setIdleLimit(IdleLimit.of(Duration.ofSeconds(1)));
            torrent.resume();
            Rig.awaitState(torrent, TorrentState.FINISHED, WAIT);
            torrent.setIdleLimit(IdleLimit.NONE);
            torrent.resume();
            Rig.awaitState(torrent, TorrentState.SEEDING, WAIT);
            Thread.sleep(1500);
            assertEquals(TorrentState.SEEDING, torrent.status().state(), "no limit: it seeds on");
        }
    }
}
