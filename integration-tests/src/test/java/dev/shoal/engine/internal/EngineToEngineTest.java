package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.engine.internal.TestTorrents.Spec;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.StorageOptions;
import dev.shoal.test.support.OpenTracker;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines, each on the real swarm service listening on 127.0.0.1, meeting through a real
 * opentracker: one seeds from disk, the other downloads.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EngineToEngineTest {

    private static final Duration DOWNLOAD_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private int trackerPort;
    private Metainfo metainfo;

    private Path seedFiles() {
        return temp.resolve("a");
    }

    private Path leechFiles() {
        return temp.resolve("b");
    }

    /** About 3 MiB in 64 KiB pieces; file sizes off the piece and block grid, an empty file, nested folders. */
    @BeforeEach
    void setUp() throws Exception {
        trackerPort = OpenTracker.freePort();
        metainfo = TestTorrents.create(seedFiles(), "swarmed", 64 * 1024,
                List.of("http://127.0.0.1:" + trackerPort + "/announce"), 7, new Spec("big.bin", 1_500_001),
                new Spec("docs/readme.txt", 1000), new Spec("docs/empty", 0),
                new Spec("media/clips/clip.bin", 1_600_000));
    }

    /** The tracker knows the seeder, so it hands it to the leecher's first announce. */
    private static void awaitAnnounced(Torrent seeder) {
        Events.Await.until(() -> seeder.status().trackers().get(0).working(), Duration.ofSeconds(30),
                () -> "the seeder was not announced: " + seeder.status().trackers());
    }

    @Test
    void one_engine_seeds_and_the_other_downloads_every_file_then_finishes_at_its_goal() throws Exception {
        try (OpenTracker tracker = OpenTracker.start(List.of(metainfo.infoHash().hex()), trackerPort);
                Rig a = new Rig(temp.resolve("resume-a"), Rig.storage());
                Rig b = new Rig(temp.resolve("resume-b"), Rig.storage())) {
            Torrent seeder = a.seed(metainfo, seedFiles());
            awaitAnnounced(seeder);
            Torrent leecher = b.engine.add(AddTorrent.of(metainfo, leechFiles()).withSeedGoal(EngineTest.RATIO_ZERO));
            b.events.await("swarmed", "SEEDING>FINISHED", DOWNLOAD_WAIT);

            assertEquals(List.of("added", "CHECKING>DOWNLOADING", "DOWNLOADING>SEEDING", "SEEDING>FINISHED"),
                    b.events.of("swarmed"));
            for (int i = 0; i < metainfo.files().size(); i++) {
                Path original = TestTorrents.file(seedFiles(), metainfo, i);
                Path copy = TestTorrents.file(leechFiles(), metainfo, i);
                assertEquals(-1L, Files.mismatch(original, copy), copy + " differs");
            }
            TorrentStatus got = leecher.status();
            assertEquals(metainfo.totalLength(), got.verifiedBytes());
            assertTrue(got.downloaded() >= metainfo.totalLength(), "downloaded " + got.downloaded());
            assertTrue(b.swarms.peersAdded.contains(new InetSocketAddress("127.0.0.1", a.engine.listenPort())),
                    "the seeder came from the tracker: " + b.swarms.peersAdded);
            assertEquals(metainfo.pieceCount(), b.swarms.piecesForwarded.size(), "each piece's result, once");
            assertTrue(b.swarms.pieceThreads.stream().noneMatch("shoal-engine"::equals),
                    "piece results reach the swarm from the disk, not through the engine thread: "
                            + b.swarms.pieceThreads);

            assertEquals(TorrentState.SEEDING, seeder.status().state());
            Events.Await.until(() -> seeder.status().uploaded() >= metainfo.totalLength(), Duration.ofSeconds(10),
                    () -> "the seeder counts what it sent: " + seeder.status());
            long uploaded = seeder.status().uploaded();
            seeder.pause();
            Rig.awaitState(seeder, TorrentState.PAUSED, Duration.ofSeconds(10));
            seeder.resume();
            a.events.awaitHeard("swarmed", List.of("added", "CHECKING>SEEDING", "SEEDING>PAUSED", "PAUSED>CHECKING",
                    "CHECKING>SEEDING"), Duration.ofSeconds(10));
            assertTrue(seeder.status().uploaded() >= uploaded, "counters survive a pause: " + seeder.status());
        }
    }

    @Test
    void a_seeder_whose_file_shrank_stops_with_the_reason_when_a_peer_asks_for_it() throws Exception {
        try (OpenTracker tracker = OpenTracker.start(List.of(metainfo.infoHash().hex()), trackerPort);
                Rig a = new Rig(temp.resolve("resume-a"), Rig.storage());
                Rig b = new Rig(temp.resolve("resume-b"), Rig.storage())) {
            Torrent seeder = a.seed(metainfo, seedFiles());
            awaitAnnounced(seeder);
            for (int i = 0; i < metainfo.files().size(); i++) {
                try (FileChannel file = FileChannel.open(TestTorrents.file(seedFiles(), metainfo, i),
                        StandardOpenOption.WRITE)) {
                    file.truncate(0); // the user deleted what was shared
                }
            }
            Torrent leecher = b.engine.add(AddTorrent.of(metainfo, leechFiles()));
            Rig.awaitState(seeder, TorrentState.ERROR, DOWNLOAD_WAIT);

            String error = seeder.status().error().orElseThrow();
            assertTrue(error.startsWith("I/O error reading"), error);
            assertTrue(error.contains("swarmed/"), error);
            assertEquals(TorrentState.DOWNLOADING, leecher.status().state());
            assertEquals(0, leecher.status().verifiedPieces());
        }
    }

    @Test
    void a_full_disk_during_the_download_stops_it_with_the_reason() throws Exception {
        try (OpenTracker tracker = OpenTracker.start(List.of(metainfo.infoHash().hex()), trackerPort);
                Rig a = new Rig(temp.resolve("resume-a"), Rig.storage());
                Rig b = new Rig(temp.resolve("resume-b"),
                        Rig.storage(StorageOptions.DEFAULT, Rig.fullDiskFor("clip.bin")))) {
            awaitAnnounced(a.seed(metainfo, seedFiles()));
            Torrent leecher = b.engine.add(AddTorrent.of(metainfo, leechFiles()));
            Rig.awaitState(leecher, TorrentState.ERROR, DOWNLOAD_WAIT);

            String error = leecher.status().error().orElseThrow();
            assertTrue(error.startsWith("disk full writing"), error);
            assertTrue(error.contains("clip.bin"), error);
            b.events.awaitHeard("swarmed", List.of("added", "CHECKING>DOWNLOADING", "DOWNLOADING>ERROR"),
                    Duration.ofSeconds(10));
            Events.Await.until(() -> b.swarms.open.get() == 0, Duration.ofSeconds(10), () -> "the swarm closed");
            assertEquals(0, leecher.status().peers());
        }
    }
}
