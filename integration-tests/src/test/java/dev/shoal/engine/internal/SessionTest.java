package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.engine.api.QueueMove;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.TorrentStorage;
import dev.shoal.test.support.SwarmData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine keeping its torrents across restarts, its queue, and removing a torrent with its files. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SessionTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    private Path downloads() {
        return temp.resolve("downloads");
    }

    /** Waits until the store holds the torrent's record in {@code state}. */
    static void awaitKept(Rig rig, Metainfo metainfo, TorrentState state) {
        Path file = rig.torrentsDirectory.resolve(metainfo.infoHash().hex() + SessionStore.STATE_SUFFIX);
        Events.Await.until(() -> {
            try {
                return Files.exists(file) && RecordCodec.decodeTorrent(Files.readAllBytes(file)).state() == state;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }, WAIT, () -> metainfo.name() + " is not kept as " + state);
    }

    @Test
    void a_restart_brings_back_every_torrent_in_its_state_and_order_without_rechecking() throws Exception {
        Metainfo finished = TestTorrents.small(downloads(), "finished", List.of());
        Metainfo paused = TestTorrents.small(downloads(), "paused", List.of());
        Metainfo seeding = TestTorrents.small(downloads(), "seeding", List.of());
        Metainfo missing = TestTorrents.small(temp.resolve("nowhere"), "missing", List.of());
        SeedGoal goal = new SeedGoal(OptionalDouble.of(2.5), Optional.of(Duration.ofMinutes(90)));
        Duration seeded;
        List<Integer> ids;
        try (Rig rig = Rig.in(temp)) {
            Torrent done = rig.engine.add(AddTorrent.of(finished, downloads()).withSeedGoal(EngineTest.RATIO_ZERO));
            Torrent stopped = rig.engine.add(AddTorrent.of(paused, downloads()).withPaused(true));
            Torrent seeder = rig.seed(seeding, downloads());
            Torrent leecher = rig.engine.add(AddTorrent.of(missing, downloads()).withSeedGoal(goal)
                    .withRateLimits(new RateLimits(5000, 6000)));
            Rig.awaitState(done, TorrentState.FINISHED, WAIT);
            Rig.awaitState(leecher, TorrentState.DOWNLOADING, WAIT);
            leecher.setFilePriority(1, FilePriority.SKIP);
            leecher.setFilePriority(2, FilePriority.HIGH);
            seeder.moveInQueue(QueueMove.TOP);
            Events.Await.until(() -> seeder.queuePosition() == 1, WAIT, () -> "moved to the top");
            Thread.sleep(300);
            seeded = seeder.status().seedingTime();
            ids = Stream.of(seeder, done, stopped, leecher).map(Torrent::id).toList();
            assertEquals(List.of(3, 1, 2, 4), ids);
        }
        try (Rig rig = Rig.in(temp)) {
            List<Torrent> back = rig.engine.torrents();
            assertEquals(List.of("seeding", "finished", "paused", "missing"),
                    back.stream().map(t -> t.status().name()).toList(), "in queue order");
            assertEquals(ids, back.stream().map(Torrent::id).toList());
            Torrent seeder = back.get(0);
            Torrent leecher = back.get(3);
            Rig.awaitState(seeder, TorrentState.SEEDING, WAIT);
            Rig.awaitState(leecher, TorrentState.DOWNLOADING, WAIT);
            assertEquals(TorrentState.FINISHED, back.get(1).status().state());
            assertTrue(back.get(1).status().complete(), "what was verified is shown without opening the files");
            assertEquals(TorrentState.PAUSED, back.get(2).status().state());

            assertTrue(seeder.status().seedingTime().compareTo(seeded) >= 0, "seeded " + seeded + ", now "
                    + seeder.status().seedingTime());
            assertEquals(goal, leecher.seedGoal());
            assertEquals(new RateLimits(5000, 6000), leecher.rateLimits());
            assertEquals(List.of(FilePriority.NORMAL, FilePriority.SKIP, FilePriority.HIGH),
                    leecher.files().stream().map(FileStatus::priority).toList());
            assertEquals(downloads().toAbsolutePath(), leecher.downloadDirectory());

            assertEquals(2, rig.swarms.storages.size(), "only the seeder and the leecher run");
            for (TorrentStorage storage : rig.swarms.storages) {
                assertEquals(0, storage.stats().piecesHashed(), "the resume data vouched for the files");
            }
            assertEquals(5, rig.engine.add(AddTorrent.of(TestTorrents.small(downloads(), "fifth", List.of()),
                    downloads()).withPaused(true)).id(), "ids go on from where they were");
        }
    }

    @Test
    void what_a_killed_engine_left_is_restored_too() throws Exception {
        Metainfo paused = TestTorrents.small(downloads(), "paused", List.of());
        Metainfo seeding = TestTorrents.small(downloads(), "seeding", List.of());
        Path copy = temp.resolve("after-kill");
        try (Rig rig = Rig.in(temp)) {
            Torrent stopped = rig.engine.add(AddTorrent.of(paused, downloads()));
            Rig.awaitState(stopped, TorrentState.SEEDING, WAIT);
            stopped.pause();
            rig.seed(seeding, downloads());
            awaitKept(rig, paused, TorrentState.PAUSED);
            awaitKept(rig, seeding, TorrentState.QUEUED);
            Events.Await.until(() -> Files.exists(rig.resumeFile(seeding)), WAIT, () -> "resume data saved");
            // What is on disk now is what a kill -9 would leave: the running engine's files, copied.
            SwarmData.copyTree(temp.resolve("resume"), copy.resolve("resume"));
            SwarmData.copyTree(rig.torrentsDirectory, copy.resolve("resume-torrents"));
        }
        try (Rig rig = Rig.in(copy)) {
            List<Torrent> back = rig.engine.torrents();
            assertEquals(List.of("paused", "seeding"), back.stream().map(t -> t.status().name()).toList());
            assertEquals(TorrentState.PAUSED, back.get(0).status().state());
            Rig.awaitState(back.get(1), TorrentState.SEEDING, WAIT);
            assertEquals(0, rig.swarms.storages.get(0).stats().piecesHashed());
        }
    }

    @Test
    void a_corrupt_record_is_moved_aside_and_the_others_load() throws Exception {
        Metainfo good = TestTorrents.small(downloads(), "good", List.of());
        Metainfo bad = TestTorrents.small(downloads(), "bad", List.of());
        Path torrents;
        try (Rig rig = Rig.in(temp)) {
            rig.engine.add(AddTorrent.of(good, downloads()).withPaused(true));
            rig.engine.add(AddTorrent.of(bad, downloads()).withPaused(true));
            torrents = rig.torrentsDirectory;
        }
        Path record = torrents.resolve(bad.infoHash().hex() + SessionStore.STATE_SUFFIX);
        byte[] bytes = Files.readAllBytes(record);
        Files.write(record, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // cut short
        Files.writeString(torrents.resolve(SessionStore.SESSION_FILE), "garbage");
        try (Rig rig = Rig.in(temp)) {
            assertEquals(List.of("good"), rig.engine.torrents().stream().map(t -> t.status().name()).toList());
            assertTrue(Files.exists(record.resolveSibling(record.getFileName() + SessionStore.BAD_SUFFIX)));
            assertTrue(Files.exists(torrents.resolve(bad.infoHash().hex() + ".torrent.bad")));
            assertFalse(Files.exists(record));
            assertEquals(2, rig.engine.add(AddTorrent.of(bad, downloads()).withPaused(true)).id(),
                    "without the session, ids go on after the largest kept");
        }
    }

    @Test
    void queue_limits_hold_and_a_freed_slot_goes_to_the_next_in_queue_order() throws Exception {
        List<Metainfo> metainfos = List.of(TestTorrents.small(downloads(), "one", List.of()),
                TestTorrents.small(downloads(), "two", List.of()), TestTorrents.small(downloads(), "three", List.of()));
        try (Rig rig = Rig.in(temp, settings -> settings.withQueueLimits(1, 1))) {
            List<Torrent> torrents = new java.util.ArrayList<>();
            for (Metainfo metainfo : metainfos) {
                torrents.add(rig.engine.add(AddTorrent.of(metainfo, downloads()).withSeedGoal(SeedGoal.FOREVER)));
            }
            Torrent one = torrents.get(0);
            Torrent two = torrents.get(1);
            Torrent three = torrents.get(2);
            Rig.awaitState(one, TorrentState.SEEDING, WAIT);
            Rig.awaitState(two, TorrentState.QUEUED, WAIT);
            Rig.awaitState(three, TorrentState.QUEUED, WAIT);
            Events.Await.until(() -> rig.swarms.open.get() == 1, WAIT, () -> "one swarm open");
            assertEquals(1, rig.engine.totals().active());
            Thread.sleep(500); // a few ticks: the queue stays as it is
            assertEquals(TorrentState.QUEUED, three.status().state());
            assertEquals(1, rig.swarms.open.get());

            three.moveInQueue(QueueMove.TOP);
            Events.Await.until(() -> three.queuePosition() == 1, WAIT, () -> "moved");
            assertEquals(List.of(three, one, two), rig.engine.torrents());
            assertEquals(TorrentState.SEEDING, one.status().state(), "a running torrent is not pushed out");
            one.pause();
            Rig.awaitState(three, TorrentState.SEEDING, WAIT);
            assertEquals(TorrentState.QUEUED, two.status().state());
            two.pause();
            Rig.awaitState(two, TorrentState.PAUSED, WAIT);
            two.resume();
            Rig.awaitState(two, TorrentState.QUEUED, WAIT);
            three.remove().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Rig.awaitState(two, TorrentState.SEEDING, WAIT);
            assertEquals(TorrentState.PAUSED, one.status().state());
        }
    }

    @Test
    void removing_with_the_files_deletes_exactly_the_torrents_files_and_records() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "doomed", List.of());
        Path neighbour = Files.writeString(downloads().resolve("doomed").resolve("sub").resolve("mine.txt"), "keep");
        Path sibling = Files.writeString(downloads().resolve("other.txt"), "keep");
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.seed(metainfo, downloads());
            awaitKept(rig, metainfo, TorrentState.QUEUED);
            torrent.remove(true).toCompletableFuture().get(10, TimeUnit.SECONDS);

            for (int i = 0; i < metainfo.files().size(); i++) {
                assertFalse(Files.exists(TestTorrents.file(downloads(), metainfo, i)));
            }
            assertFalse(Files.exists(downloads().resolve("doomed").resolve("sub").resolve("deeper")));
            assertTrue(Files.exists(neighbour));
            assertTrue(Files.exists(sibling));
            assertFalse(Files.exists(rig.resumeFile(metainfo)));
            Events.Await.until(() -> !Files.exists(rig.torrentsDirectory.resolve(metainfo.infoHash().hex()
                    + SessionStore.STATE_SUFFIX)), WAIT, () -> "its record is deleted");
            assertFalse(Files.exists(rig.torrentsDirectory.resolve(metainfo.infoHash().hex() + ".torrent")));
            assertEquals(List.of(), rig.engine.torrents());
        }
        try (Rig rig = Rig.in(temp)) {
            assertEquals(List.of(), rig.engine.torrents(), "removed for good");
        }
    }

    @Test
    void a_file_that_cannot_be_deleted_fails_the_removal_with_the_reason() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "stuck", List.of());
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.seed(metainfo, downloads());
            // Where a file of the torrent was, something else now is: a folder holding a file of its own.
            Path file = TestTorrents.file(downloads(), metainfo, 2);
            Files.delete(file);
            Files.writeString(Files.createDirectories(file).resolve("theirs.txt"), "not the torrent's");

            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> torrent.remove(true).toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof EngineException, e.toString());
            assertTrue(e.getCause().getMessage().startsWith("cannot delete every file of stuck: cannot delete "),
                    e.getCause().getMessage());
            assertTrue(e.getCause().getMessage().endsWith("c.bin: a folder that is not empty is there"),
                    e.getCause().getMessage());
            assertEquals(List.of(), rig.engine.torrents(), "removed all the same");
            assertFalse(Files.exists(TestTorrents.file(downloads(), metainfo, 0)), "the other files are deleted");
            assertTrue(Files.exists(file.resolve("theirs.txt")));
        }
    }
}
