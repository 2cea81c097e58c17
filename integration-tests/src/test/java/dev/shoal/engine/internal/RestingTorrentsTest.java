package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.internal.TestTorrents.Spec;
import dev.shoal.metainfo.Metainfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Torrents at rest are not written again: the engine's periodic save (here every tick) leaves the
 * records of paused torrents alone, and a seed nobody asks for changes only its clock, which waits.
 * Every write replaces a record's file (a new one renamed over it), so a file that is the same file
 * (its key) after many saves was not written.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RestingTorrentsTest {

    private static final int PAUSED = 20;

    @TempDir
    Path temp;

    @Test
    void the_periodic_save_rewrites_no_record_of_a_torrent_at_rest() throws Exception {
        Path downloads = temp.resolve("downloads");
        List<Metainfo> metainfos = new ArrayList<>();
        for (int i = 0; i <= PAUSED; i++) {
            metainfos.add(TestTorrents.create(downloads, "t" + i, 16 * 1024, List.of(), i, new Spec("f.bin", 1000)));
        }
        try (Rig rig = Rig.in(temp, settings -> settings.withSaveInterval(Duration.ofMillis(200)))) {
            for (int i = 0; i < PAUSED; i++) {
                rig.engine.add(AddTorrent.of(metainfos.get(i), downloads).withPaused(true));
            }
            Torrent seed = rig.engine.add(AddTorrent.of(metainfos.get(PAUSED), downloads)
                    .withSeedGoal(SeedGoal.FOREVER));
            Events.Await.until(() -> seed.status().state() == TorrentState.SEEDING, Duration.ofSeconds(60),
                    () -> "the seed is " + seed.status().state());
            // Whatever its move to seeding wrote is written; from now on nothing changes but the clock.
            Events.Await.until(() -> records(rig).size() == PAUSED + 1, Duration.ofSeconds(30),
                    () -> "records " + records(rig).size());
            waitSaves(rig, 2);
            Map<String, Object> before = records(rig);

            waitSaves(rig, 10);

            Map<String, Object> after = records(rig);
            List<String> rewritten = before.keySet().stream().filter(name -> !before.get(name).equals(after.get(name)))
                    .toList();
            assertEquals(List.of(), rewritten, "records written again while nothing but a clock changed");
        }
    }

    /** Lets {@code count} periodic saves pass (one every 200 ms tick), then what they queued be written. */
    private static void waitSaves(Rig rig, int count) throws InterruptedException {
        Thread.sleep(200L * count);
    }

    /** Each record's file key (a new one per write). */
    private static Map<String, Object> records(Rig rig) {
        Map<String, Object> keys = new TreeMap<>();
        try (var files = Files.list(rig.torrentsDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(SessionStore.STATE_SUFFIX)
                    && !f.getFileName().toString().equals(SessionStore.SESSION_FILE)).toList()) {
                keys.put(file.getFileName().toString(),
                        Files.readAttributes(file, BasicFileAttributes.class).fileKey());
            }
        } catch (IOException e) {
            return Map.of();
        }
        return keys;
    }
}
