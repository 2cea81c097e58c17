package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.engine.api.PeerStatus;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.internal.TestTorrents.Spec;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.PiecePriorities;
import dev.shoal.storage.api.CheckResult;
import dev.shoal.test.support.OpenTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines through a real opentracker: the leecher, with a file skipped and one first, is stopped
 * mid-download and started again; it goes on from its resume data without rehashing, with its counters,
 * seeds what it wanted, then fetches the skipped file when it is wanted again. Every file byte-exact.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RestartSwarmTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private static int index(Torrent torrent, String path) {
        return torrent.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().index();
    }

    private static void assertSameFile(Path seedFiles, Path leechFiles, Metainfo metainfo, String path) {
        for (int i = 0; i < metainfo.files().size(); i++) {
            if (metainfo.files().get(i).relativePath().equals(path)) {
                try {
                    assertEquals(-1L, Files.mismatch(TestTorrents.file(seedFiles, metainfo, i),
                            TestTorrents.file(leechFiles, metainfo, i)), path + " differs");
                } catch (java.io.IOException e) {
                    throw new AssertionError(path + ": " + e.getMessage(), e);
                }
                return;
            }
        }
        throw new AssertionError("no file " + path);
    }

    @Test
    void a_leecher_stopped_mid_download_goes_on_after_a_restart_with_its_counters_and_priorities()
            throws Exception {
        int trackerPort = OpenTracker.freePort();
        Path seedFiles = temp.resolve("a");
        Path leechFiles = temp.resolve("b");
        Metainfo metainfo = TestTorrents.create(seedFiles, "swarmed", 64 * 1024,
                List.of("http://127.0.0.1:" + trackerPort + "/announce"), 11, new Spec("big.bin", 1_500_001),
                new Spec("docs/readme.txt", 1000), new Spec("media/clips/clip.bin", 1_600_000));
        String big = "swarmed/big.bin";
        String readme = "swarmed/docs/readme.txt";
        String clip = "swarmed/media/clips/clip.bin";
        try (OpenTracker tracker = OpenTracker.start(List.of(metainfo.infoHash().hex()), trackerPort);
                Rig a = new Rig(temp.resolve("resume-a"), Rig.storage())) {
            Torrent seeder = a.seed(metainfo, seedFiles);
            Events.Await.until(() -> seeder.status().trackers().get(0).working(), Duration.ofSeconds(30),
                    () -> "the seeder was not announced: " + seeder.status().trackers());

            long downloadedBefore;
            int verifiedBefore;
            try (Rig b = new Rig(temp.resolve("resume-b"), Rig.storage())) {
                Torrent leecher = b.engine.add(AddTorrent.of(metainfo, leechFiles).withPaused(true)
                        .withSeedGoal(SeedGoal.FOREVER).withRateLimits(new RateLimits(150_000, 0)));
                leecher.setFilePriority(index(leecher, clip), FilePriority.SKIP);
                leecher.setFilePriority(index(leecher, readme), FilePriority.HIGH);
                leecher.resume();
                Events.Await.until(() -> leecher.status().verifiedPieces() >= 3, WAIT,
                        () -> "nothing verified: " + leecher.status());
                assertEquals(TorrentState.DOWNLOADING, leecher.status().state());
                List<PeerStatus> peers = leecher.peers();
                assertEquals(1, peers.size(), "the seeder: " + peers);
                assertTrue(peers.get(0).progress() == 1.0, "the seeder has every piece: " + peers);
                PiecePriorities pushed = b.swarms.priorities.get(b.swarms.priorities.size() - 1);
                assertEquals(PiecePriorities.SKIP, pushed.level(metainfo.pieceCount() - 1), "clip.bin's last piece");
                assertEquals(PiecePriorities.NORMAL, pushed.level(0));
                downloadedBefore = leecher.status().downloaded();
                verifiedBefore = leecher.status().verifiedPieces();
            } // stopped as a daemon is on SIGTERM

            try (Rig b = new Rig(temp.resolve("resume-b"), Rig.storage())) {
                Torrent leecher = b.engine.torrents().get(0);
                Rig.awaitState(leecher, TorrentState.DOWNLOADING, WAIT);
                // The startup check's own figures: the storage's running count also takes in pieces the
                // resumed download completes (and hashes) before this line runs.
                CheckResult check = b.swarms.storages.get(0).ready().toCompletableFuture().get();
                assertEquals(CheckResult.Reason.RESUMED, check.reason(), "resumed from its resume data");
                assertEquals(0, check.piecesHashed(), "resumed without rehashing");
                assertTrue(leecher.status().verifiedPieces() >= verifiedBefore);
                assertTrue(leecher.status().downloaded() >= downloadedBefore,
                        leecher.status().downloaded() + " < " + downloadedBefore);
                assertEquals(FilePriority.SKIP, leecher.files().get(index(leecher, clip)).priority());
                leecher.setRateLimits(RateLimits.UNLIMITED);
                Rig.awaitState(leecher, TorrentState.SEEDING, WAIT);
                assertSameFile(seedFiles, leechFiles, metainfo, big);
                assertSameFile(seedFiles, leechFiles, metainfo, readme);
                FileStatus skipped = leecher.files().get(index(leecher, clip));
                assertTrue(skipped.verifiedBytes() > 0, "clip.bin shares a piece with readme.txt: " + skipped);

                // A swarm keeping to the priorities has left most of clip.bin; wanted again, it is fetched.
                boolean left = skipped.verifiedBytes() < skipped.size();
                leecher.setFilePriority(index(leecher, clip), FilePriority.NORMAL);
                if (left) {
                    b.events.await("swarmed", "SEEDING>DOWNLOADING", WAIT);
                    b.events.await("swarmed", "DOWNLOADING>SEEDING", WAIT);
                }
                Events.Await.until(() -> leecher.status().complete(), WAIT, () -> "incomplete: " + leecher.status());
                assertSameFile(seedFiles, leechFiles, metainfo, clip);
                assertEquals(TorrentState.SEEDING, leecher.status().state());
            }
        }
        long uploaded;
        try (Rig a = new Rig(temp.resolve("resume-a"), Rig.storage())) {
            Torrent seeder = a.engine.torrents().get(0);
            uploaded = seeder.status().uploaded();
            assertTrue(uploaded >= metainfo.totalLength() - 1_600_000, "the seeder's upload is kept: " + uploaded);
            Rig.awaitState(seeder, TorrentState.SEEDING, WAIT);
        }
    }
}
