package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.internal.TestTorrents.Spec;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.PiecePriorities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** File priorities over the real storage, with no peer: what is complete follows what is wanted. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FilePrioritiesTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @Test
    void a_torrent_seeds_what_it_wants_and_downloads_again_when_a_skipped_file_is_wanted() throws Exception {
        Path downloads = temp.resolve("downloads");
        // Files on piece boundaries (32 KiB pieces), so the missing one shares no piece with the others.
        Metainfo metainfo = TestTorrents.create(downloads, "partial", 32 * 1024, List.of(), 3,
                new Spec("a.bin", 64 * 1024), new Spec("b.bin", 32 * 1024), new Spec("c.bin", 1000));
        Files.delete(TestTorrents.file(downloads, metainfo, 1));
        try (Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.engine.add(AddTorrent.of(metainfo, downloads).withPaused(true)
                    .withSeedGoal(SeedGoal.FOREVER));
            assertEquals(List.of("partial/a.bin", "partial/b.bin", "partial/c.bin"),
                    torrent.files().stream().map(FileStatus::path).toList());
            assertThrows(IndexOutOfBoundsException.class, () -> torrent.setFilePriority(3, FilePriority.SKIP));
            torrent.setFilePriority(1, FilePriority.SKIP);
            torrent.resume();
            Rig.awaitState(torrent, TorrentState.SEEDING, WAIT);
            assertEquals(3, torrent.status().verifiedPieces(), "a.bin's two pieces and c.bin's");
            assertEquals(List.of(64L * 1024, 0L, 1000L),
                    torrent.files().stream().map(FileStatus::verifiedBytes).toList());
            PiecePriorities pushed = rig.swarms.priorities.get(0);
            assertEquals(List.of(PiecePriorities.NORMAL, PiecePriorities.NORMAL, PiecePriorities.SKIP,
                    PiecePriorities.NORMAL), List.of(pushed.level(0), pushed.level(1), pushed.level(2),
                    pushed.level(3)));

            torrent.setFilePriority(1, FilePriority.HIGH);
            rig.events.awaitHeard("partial", List.of("added", "PAUSED>CHECKING", "CHECKING>SEEDING",
                    "SEEDING>DOWNLOADING"), WAIT);
            Events.Await.until(() -> rig.swarms.priorities.size() == 2, WAIT, () -> "pushed again");
            assertEquals(PiecePriorities.HIGH, rig.swarms.priorities.get(1).level(2));
            assertEquals(1, rig.swarms.joins.get(), "the same swarm goes on");

            torrent.setFilePriority(1, FilePriority.SKIP);
            rig.events.await("partial", "DOWNLOADING>SEEDING", WAIT);
        }
    }
}
