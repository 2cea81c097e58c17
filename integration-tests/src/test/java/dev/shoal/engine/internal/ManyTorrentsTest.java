package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.internal.TestTorrents.Spec;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.TorrentStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 500 torrents kept across a restart: restoring reads their records and torrent files and opens only
 * the storages the queue lets run (10 seeds), none of which hashes a piece. Prints how long it took.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ManyTorrentsTest {

    private static final int COUNT = 500;
    private static final int SEEDS = 10;
    private static final Map<TorrentState, Long> SETTLED = Map.of(TorrentState.SEEDING, (long) SEEDS,
            TorrentState.QUEUED, (long) COUNT - SEEDS);

    @TempDir
    Path temp;

    @Test
    void five_hundred_torrents_restore_lazily_without_hashing() throws Exception {
        Path downloads = temp.resolve("downloads");
        List<Metainfo> metainfos = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            metainfos.add(TestTorrents.create(downloads, "t" + i, 16 * 1024, List.of(), i, new Spec("f.bin", 1000)));
        }
        try (Rig rig = Rig.in(temp, settings -> settings.withQueueLimits(5, SEEDS))) {
            long started = System.nanoTime();
            for (Metainfo metainfo : metainfos) {
                rig.engine.add(AddTorrent.of(metainfo, downloads).withSeedGoal(SeedGoal.FOREVER));
            }
            System.out.printf("added %d torrents in %d ms%n", COUNT, (System.nanoTime() - started) / 1_000_000);
            // Each is checked once in a check slot (nothing tells it is complete before), then waits as a seed.
            // The states alone settle for a moment between two checks, hence the wait for every one complete.
            Events.Await.until(() -> states(rig).equals(SETTLED) && allComplete(rig), Duration.ofSeconds(120),
                    () -> "states " + states(rig));
        }
        long started = System.nanoTime();
        try (Rig rig = Rig.in(temp, settings -> settings.withQueueLimits(5, SEEDS))) {
            long restored = System.nanoTime();
            assertEquals(COUNT, rig.engine.torrents().size());
            Events.Await.until(() -> count(rig, TorrentState.SEEDING) == SEEDS, Duration.ofSeconds(60),
                    () -> "states " + states(rig));
            long seeding = System.nanoTime();
            System.out.printf("restart of %d torrents: engine up with all of them in %d ms, %d seeding after %d ms%n",
                    COUNT, (restored - started) / 1_000_000, SEEDS, (seeding - started) / 1_000_000);

            assertEquals(SETTLED, states(rig));
            assertEquals(SEEDS, rig.swarms.storages.size(), "queued torrents open nothing");
            for (TorrentStorage storage : rig.swarms.storages) {
                assertEquals(0, storage.stats().piecesHashed());
            }
            List<Integer> ids = rig.engine.torrents().stream().map(Torrent::id).toList();
            assertEquals(COUNT, ids.stream().distinct().count());
        }
    }

    private static long count(Rig rig, TorrentState state) {
        return rig.engine.torrents().stream().filter(t -> t.status().state() == state).count();
    }

    private static boolean allComplete(Rig rig) {
        return rig.engine.torrents().stream().allMatch(t -> t.status().complete());
    }

    private static Map<TorrentState, Long> states(Rig rig) {
        return rig.engine.torrents().stream()
                .collect(Collectors.groupingBy(t -> t.status().state(), Collectors.counting()));
    }
}
