package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentListener;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.internal.swarm.SwarmComponent;
import dev.shoal.peer.internal.swarm.SwarmSettings;
import dev.shoal.storage.api.StorageOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine over the real storage and announcer, with no peer taking part. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineTest {

    static final SeedGoal RATIO_ZERO = new SeedGoal(OptionalDouble.of(0), Optional.empty());
    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    private Path downloads() {
        return temp.resolve("downloads");
    }

    @Test
    void a_complete_torrent_on_disk_is_checked_seeded_and_finished_at_its_goal() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "complete", List.of());
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.engine.add(AddTorrent.of(metainfo, downloads()).withSeedGoal(RATIO_ZERO));
            rig.events.await("complete", "SEEDING>FINISHED", WAIT);

            assertEquals(List.of("added", "CHECKING>SEEDING", "SEEDING>FINISHED"), rig.events.of("complete"));
            assertEquals(List.of("shoal-engine"), rig.events.threads(), "listeners hear on the engine thread");
            TorrentStatus status = torrent.status();
            assertEquals(TorrentState.FINISHED, status.state());
            assertTrue(status.complete());
            assertEquals(1.0, status.progress());
            assertEquals(metainfo.totalLength(), status.verifiedBytes());
            assertEquals(Optional.empty(), status.error());
            assertEquals(Optional.empty(), status.eta());
            assertEquals(1, rig.swarms.joins.get());
            assertEquals(List.of("shoal-engine"), rig.swarms.threads);
            rig.awaitClosed(metainfo);
            assertSame(torrent, rig.engine.torrent(metainfo.infoHash()).orElseThrow());
            assertEquals(0, rig.engine.totals().active());
        }
    }

    @Test
    void a_failing_disk_stops_the_torrent_with_the_reason_and_a_resume_meets_it_again() throws Exception {
        Metainfo metainfo = TestTorrents.small(temp.resolve("elsewhere"), "full", List.of());
        StorageOptions preallocate = StorageOptions.DEFAULT.withAllocation(StorageOptions.Allocation.PREALLOCATE);
        try (Rig rig = new Rig(temp.resolve("resume"), Rig.storage(preallocate, Rig.fullDiskFor("b.bin")))) {
            Torrent torrent = rig.engine.add(AddTorrent.of(metainfo, downloads()));
            Rig.awaitState(torrent, TorrentState.ERROR, WAIT);

            String error = torrent.status().error().orElseThrow();
            assertTrue(error.startsWith("disk full"), error);
            assertTrue(error.contains("full/sub/b.bin"), error);
            assertFalse(error.contains("\n"));
            rig.events.awaitHeard("full", List.of("added", "CHECKING>ERROR"), WAIT);
            assertEquals(0, rig.swarms.joins.get(), "no swarm without storage");

            torrent.resume();
            rig.events.await("full", "ERROR>CHECKING", WAIT);
            rig.events.awaitHeard("full", List.of("added", "CHECKING>ERROR", "ERROR>CHECKING", "CHECKING>ERROR"),
                    WAIT);
        }
    }

    @Test
    void files_that_cannot_be_opened_refuse_the_add_with_the_storage_message() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "blocked", List.of());
        Path notADirectory = temp.resolve("plain-file");
        Files.writeString(notADirectory, "in the way");
        try (Rig rig = Rig.in(temp)) {
            EngineException e = assertThrows(EngineException.class,
                    () -> rig.engine.add(AddTorrent.of(metainfo, notADirectory.resolve("below"))));
            assertTrue(e.getMessage().contains(notADirectory.toString()), e.getMessage());
            assertEquals(List.of(), rig.engine.torrents());
            assertEquals(List.of(), rig.events.events);
        }
    }

    @Test
    void the_same_torrent_twice_is_refused() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "twice", List.of());
        try (Rig rig = Rig.in(temp)) {
            Torrent first = rig.engine.add(AddTorrent.of(metainfo, downloads()).withSeedGoal(SeedGoal.FOREVER));
            EngineException e = assertThrows(EngineException.class,
                    () -> rig.engine.add(AddTorrent.of(metainfo, temp.resolve("other"))));
            assertEquals("already added: twice", e.getMessage());
            assertEquals(List.of(first), rig.engine.torrents());
        }
    }

    @Test
    void pausing_closes_everything_and_resuming_seeds_again_with_the_clock_kept() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "paused", List.of());
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.seed(metainfo, downloads());
            // Listeners hear of SEEDING once its clock runs; the state shows a little before.
            rig.events.await("paused", "CHECKING>SEEDING", WAIT);
            Thread.sleep(300);

            torrent.pause();
            rig.events.await("paused", "SEEDING>PAUSED", WAIT);
            rig.awaitClosed(metainfo);
            Duration seeded = torrent.status().seedingTime();
            assertTrue(seeded.toMillis() >= 300, "seeded " + seeded);
            assertTrue(torrent.status().complete(), "what was verified is still shown");
            Thread.sleep(200);
            assertEquals(seeded, torrent.status().seedingTime(), "the clock stops while paused");
            torrent.pause(); // nothing to do

            torrent.resume();
            rig.events.awaitHeard("paused", List.of("added", "CHECKING>SEEDING", "SEEDING>PAUSED", "PAUSED>CHECKING",
                    "CHECKING>SEEDING"), WAIT);
            assertEquals(2, rig.swarms.joins.get());
            assertTrue(torrent.status().seedingTime().compareTo(seeded) >= 0);
        }
    }

    @Test
    void a_recheck_finds_a_damaged_piece_and_the_torrent_downloads_it() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "damaged", List.of());
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.seed(metainfo, downloads());
            Path first = TestTorrents.file(downloads(), metainfo, 0);
            byte[] original = Files.readAllBytes(first);
            byte[] damaged = original.clone();
            damaged[10] ^= 0x5A;
            Files.write(first, damaged);

            torrent.recheck().toCompletableFuture().get(10, TimeUnit.SECONDS);
            TorrentStatus status = torrent.status();
            assertEquals(TorrentState.DOWNLOADING, status.state());
            assertEquals(metainfo.pieceCount() - 1, status.verifiedPieces());
            assertEquals(Optional.empty(), status.eta(), "nothing arrives: no ETA");
            assertEquals(List.of("added", "CHECKING>SEEDING", "SEEDING>CHECKING", "CHECKING>DOWNLOADING"),
                    rig.events.of("damaged"));
            assertEquals(2, rig.swarms.joins.get(), "a fresh swarm knows the pieces lost");

            Files.write(first, original);
            torrent.recheck().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(TorrentState.SEEDING, torrent.status().state());
            assertTrue(torrent.status().complete());
        }
    }

    @Test
    void a_recheck_asked_during_the_first_check_is_answered_by_it() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "eager", List.of());
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.engine.add(AddTorrent.of(metainfo, downloads()).withSeedGoal(SeedGoal.FOREVER));
            torrent.recheck().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(TorrentState.SEEDING, torrent.status().state(), "no resume data: every piece was hashed");
            assertEquals(List.of("added", "CHECKING>SEEDING"), rig.events.of("eager"));
        }
    }

    @Test
    void a_torrent_added_paused_touches_nothing_and_a_recheck_leaves_it_paused() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "quiet", List.of());
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.engine.add(AddTorrent.of(metainfo, downloads()).withPaused(true));
            assertEquals(TorrentState.PAUSED, torrent.status().state());
            assertEquals(0, torrent.status().verifiedPieces(), "not checked yet");
            assertFalse(Files.exists(rig.resumeFile(metainfo)));

            torrent.recheck().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(TorrentState.PAUSED, torrent.status().state());
            assertTrue(torrent.status().complete());
            assertEquals(List.of("added", "PAUSED>CHECKING", "CHECKING>PAUSED"), rig.events.of("quiet"));
            assertEquals(0, rig.swarms.joins.get());
        }
    }

    @Test
    void removing_forgets_the_torrent_and_keeps_its_files() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "removed", List.of());
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.seed(metainfo, downloads());
            torrent.remove().toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertEquals(List.of(), rig.engine.torrents());
            assertEquals("removed", rig.events.of("removed").get(rig.events.of("removed").size() - 1));
            assertTrue(Files.exists(TestTorrents.file(downloads(), metainfo, 0)));
            assertTrue(Files.exists(rig.resumeFile(metainfo)), "closed, so its resume data is saved");
            assertEquals(0, rig.swarms.open.get());
            torrent.remove().toCompletableFuture().get(10, TimeUnit.SECONDS); // twice is harmless
            List<String> heard = rig.events.of("removed");
            TorrentState stopped = torrent.status().state();
            torrent.resume(); // a removed torrent stays stopped
            // The engine thread takes work in order: once the recheck asked after the resume is
            // refused, the resume was handled, and a start would have moved the state already.
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> torrent.recheck().toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof CancellationException, String.valueOf(refused.getCause()));
            assertTrue(refused.getCause().getMessage().contains("was removed"), refused.getCause().getMessage());
            assertEquals(stopped, torrent.status().state());
            assertEquals(heard, rig.events.of("removed"), "a removed torrent heard of again");
            assertEquals(1, rig.swarms.joins.get());

            Torrent again = rig.seed(metainfo, downloads());
            Events.Await.until(() -> rig.swarms.joins.get() == 2, WAIT,
                    () -> "the torrent added again joined its swarm: " + rig.swarms.joins.get() + " joins");
            assertEquals(TorrentState.SEEDING, again.status().state());
        }
    }

    @Test
    void a_throwing_listener_does_not_stop_the_engine_or_the_others() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "loud", List.of());
        try (Rig rig = Rig.in(temp)) {
            rig.engine.addListener(new TorrentListener() {
                @Override
                public void added(Torrent torrent) {
                    throw new IllegalStateException("listener bug");
                }

                @Override
                public void stateChanged(Torrent torrent, TorrentState previous, TorrentStatus status) {
                    throw new IllegalStateException("listener bug");
                }
            });
            rig.engine.add(AddTorrent.of(metainfo, downloads()).withSeedGoal(RATIO_ZERO));
            rig.events.await("loud", "SEEDING>FINISHED", WAIT);
        }
    }

    @Test
    void limits_reach_the_swarms_and_a_port_that_is_taken_is_refused() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "limited", List.of());
        try (Rig rig = Rig.in(temp)) {
            RateLimits global = new RateLimits(100_000, 50_000);
            rig.engine.setGlobalRateLimits(global);
            assertEquals(global, rig.engine.globalRateLimits());
            assertEquals(new dev.shoal.peer.api.RateLimits(100_000, 50_000), rig.swarms.globalRateLimits());
            assertEquals(rig.service.listenPort(), rig.engine.listenPort());
            try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = taken.getLocalPort();
                EngineException e = assertThrows(EngineException.class, () -> rig.engine.setListenPort(port));
                assertTrue(e.getMessage().startsWith("cannot listen on port " + port + ": "), e.getMessage());
                assertFalse(e.getMessage().substring(10).contains("cannot listen"), "said once: " + e.getMessage());
            }
            assertThrows(EngineException.class, () -> rig.engine.setListenPort(70_000));

            Torrent torrent = rig.engine.add(AddTorrent.of(metainfo, downloads()).withSeedGoal(SeedGoal.FOREVER)
                    .withRateLimits(new RateLimits(0, 1000)));
            Rig.awaitState(torrent, TorrentState.SEEDING, WAIT);
            torrent.setRateLimits(new RateLimits(2000, 0));
            Events.Await.until(() -> rig.swarms.swarmLimits.size() == 2, WAIT,
                    () -> "limits " + rig.swarms.swarmLimits);
            assertEquals(List.of(new dev.shoal.peer.api.RateLimits(0, 1000),
                    new dev.shoal.peer.api.RateLimits(2000, 0)), rig.swarms.swarmLimits);
        }
    }

    @Test
    void a_port_set_through_the_engine_outlives_a_swap_of_the_peer_wire() throws Exception {
        try (Rig rig = Rig.in(temp)) {
            int chosen;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                chosen = probe.getLocalPort();
            }
            rig.engine.setListenPort(chosen);
            assertEquals(chosen, rig.engine.listenPort());
            // As a bundle update does it: the old peer wire goes (its socket closed), then the new one comes.
            rig.engine.unbindSwarms(rig.swarms);
            rig.service.close();
            SwarmComponent next = new SwarmComponent(SwarmSettings.defaults().withListen("127.0.0.1", 0));
            try {
                rig.engine.bindSwarms(next);
                Events.Await.until(() -> next.listenPort() == chosen, WAIT,
                        () -> "the new peer wire listens on " + next.listenPort() + ", not on " + chosen);
                assertEquals(chosen, rig.engine.listenPort());
                rig.engine.unbindSwarms(next);
            } finally {
                next.close();
            }
        }
    }

    @Test
    void a_torrent_without_trackers_seeds_all_the_same() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "trackerless", List.of());
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.seed(metainfo, downloads());
            assertEquals(List.of(), torrent.status().trackers());
            assertEquals(1, rig.engine.totals().active());
            assertEquals(1, rig.engine.totals().torrents());
        }
    }
}
