package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.AddMagnet;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.internal.TestTorrents.Spec;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Magnet links between two engines on loopback: one seeds, the other has only the link with the
 * seeder in {@code x.pe}. Its metadata comes over BEP 9 from the seeder, then it downloads as any
 * torrent; restarts keep what is known (the link while fetching, the torrent file after).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MagnetTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private Metainfo metainfo;

    /** About 3 MiB in 32 KiB pieces, so the info dictionary is several metadata pieces of 16 KiB. */
    @BeforeEach
    void setUp() throws Exception {
        metainfo = TestTorrents.create(temp.resolve("a"), "magnetic", 32 * 1024, List.of(), 11,
                new Spec("big.bin", 1_500_001), new Spec("docs/readme.txt", 1000),
                new Spec("media/clip.bin", 1_600_000));
    }

    private MagnetLink link(int seederPort) {
        SortedSet<Integer> all = new TreeSet<>();
        return new MagnetLink(Optional.of(metainfo.infoHash()), Optional.empty(), Optional.of("magnetic"), List.of(),
                List.of(), List.of(new MagnetLink.PeerAddress("127.0.0.1", seederPort)), all);
    }

    private void assertSameFiles(Path downloads) throws Exception {
        for (int i = 0; i < metainfo.files().size(); i++) {
            Path copy = TestTorrents.file(downloads, metainfo, i);
            assertEquals(-1L, Files.mismatch(TestTorrents.file(temp.resolve("a"), metainfo, i), copy),
                    copy + " differs");
        }
    }

    @Test
    void a_magnet_with_only_the_seeder_in_x_pe_fetches_the_metadata_and_downloads_every_file() throws Exception {
        try (Rig a = new Rig(temp.resolve("resume-a"), Rig.storage());
                Rig b = new Rig(temp.resolve("resume-b"), Rig.storage())) {
            a.seed(metainfo, temp.resolve("a"));
            long start = System.nanoTime();
            Torrent leecher = b.engine.add(AddMagnet.of(link(a.engine.listenPort()), temp.resolve("b"))
                    .withSeedGoal(EngineTest.RATIO_ZERO));
            assertTrue(leecher.metainfo().isEmpty() || leecher.metainfo().get().equals(metainfo));
            b.events.await("magnetic", "METADATA>CHECKING", WAIT);
            System.out.printf("metadata after %d ms%n", (System.nanoTime() - start) / 1_000_000);
            b.events.await("magnetic", "SEEDING>FINISHED", WAIT);

            assertEquals(List.of("added", "METADATA>CHECKING", "CHECKING>DOWNLOADING", "DOWNLOADING>SEEDING",
                    "SEEDING>FINISHED"), b.events.of("magnetic"));
            assertSameFiles(temp.resolve("b"));
            assertEquals(metainfo.infoHash(), leecher.metainfo().orElseThrow().infoHash());
            assertEquals(metainfo.totalLength(), leecher.status().verifiedBytes());
            assertTrue(Files.exists(b.torrentsDirectory.resolve(metainfo.infoHash().hex() + ".torrent")));
            assertEquals(1, b.engine.torrents().size());
            assertEquals(leecher.id(), b.engine.torrents().get(0).id());
            assertEquals(Set.of("magnet /127.0.0.1:" + a.engine.listenPort()), Set.copyOf(b.swarms.sourcesAdded),
                    "the torrent's swarm dials the link's x.pe as the magnet's");
        }
    }

    @Test
    void a_restart_while_fetching_fetches_again_and_one_after_the_metadata_starts_from_the_kept_torrent()
            throws Exception {
        try (Rig a = new Rig(temp.resolve("resume-a"), Rig.storage())) {
            int id;
            Path kept = temp.resolve("resume-b-torrents").resolve(metainfo.infoHash().hex() + ".torrent");
            try (Rig b = new Rig(temp.resolve("resume-b"), Rig.storage())) {
                // The seeder does not have the torrent yet: nobody gives the metadata.
                Torrent waiting = b.engine.add(AddMagnet.of(link(a.engine.listenPort()), temp.resolve("b"))
                        .withSeedGoal(EngineTest.RATIO_ZERO));
                id = waiting.id();
                assertEquals(TorrentState.METADATA, waiting.status().state());
                assertEquals("magnetic", waiting.status().name());
                assertTrue(waiting.status().metadata().isPresent());
                assertFalse(waiting.status().complete());
            }
            assertFalse(Files.exists(kept));
            a.seed(metainfo, temp.resolve("a"));
            try (Rig b = new Rig(temp.resolve("resume-b"), Rig.storage())) {
                Torrent back = b.engine.torrents().get(0);
                assertEquals(id, back.id());
                assertTrue(back.metainfo().isEmpty(), "restored without its metadata");
                b.events.await("magnetic", "SEEDING>FINISHED", WAIT);
                assertSameFiles(temp.resolve("b"));
                assertTrue(Files.exists(kept));
            }
            try (Rig b = new Rig(temp.resolve("resume-b"), Rig.storage())) {
                // Restored synchronously from the kept torrent file: nothing is fetched again.
                Torrent back = b.engine.torrents().get(0);
                assertEquals(id, back.id());
                assertEquals(metainfo.infoHash(), back.metainfo().orElseThrow().infoHash());
                assertEquals(TorrentState.FINISHED, back.status().state());
            }
        }
    }
}
