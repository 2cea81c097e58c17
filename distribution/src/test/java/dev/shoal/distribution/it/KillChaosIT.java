package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.SwarmData;

/**
 * {@code kill -9} chaos: {@value #KILLS} kills of {@code shoal get} at random moments of a ~256 MiB
 * download from a rate-capped libtorrent seed, some before the first byte of their run (the first
 * run's among them, with nothing on disk yet), the others after a random share of the torrent, then a
 * run that completes. A kill may cost at most the blocks in flight: every block written before it is
 * on disk (the page cache survives a killed process) and must be recovered, so the files end
 * byte-identical and the bytes the seed sent again per kill stay within a piece or two.
 *
 * <p>The seed counts every block it uploads, in an epoch per run ({@link LibtorrentPeer#newEpoch}): a
 * block sent again in a later run was lost by the kill that ended the run of its previous copy.
 * Those are byte counts, not times, so the bounds hold on a slow machine too. The random moments come
 * from a seed printed first ({@code -Dshoal.chaos.seed=N} replays one).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class KillChaosIT {

    private static final int KILLS = 10;
    /** Kills at these numbers (1-based) come before the first byte of their run. */
    private static final List<Integer> BEFORE_FIRST_BYTE = List.of(1, 6);
    private static final long PIECE = 1L << TestSwarm.PIECE_LENGTH_EXPONENT;
    private static final Duration RUN_WITHIN = Duration.ofSeconds(60);
    private static final Duration QUICK = Duration.ofSeconds(15);

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_CLASS, TestSwarm.Announce.HTTP);

    @TempDir
    Path work;

    @ParameterizedTest(name = "seed at {0} MiB/s")
    @ValueSource(ints = {10, 20})
    void everyKillCostsAtMostThePiecesInFlight(int seedRateMib) throws Exception {
        long chaosSeed = Long.getLong("shoal.chaos.seed", System.nanoTime());
        Random random = new Random(chaosSeed);
        String label = "KillChaosIT " + seedRateMib + " MiB/s";
        System.out.println(label + ": random seed " + chaosSeed);
        long size = swarm.size();
        Path download = swarm.newDirectory("shoal-chaos-" + seedRateMib);
        ShoalGet.Options command = ShoalGet.get(swarm.torrentFile(), download).base(work)
                .port(OpenTracker.freePort()).seedRatio("0").logLevel("info");
        List<String> moments = new ArrayList<>();
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir())
                .uploadLimit((long) seedRateMib << 20).countBlocks().start()) {
            for (int kill = 1; kill <= KILLS; kill++) {
                long before = seed.blockCounts(QUICK).uploaded();
                int number = kill;
                try (ShoalGet run = command.start()) {
                    if (BEFORE_FIRST_BYTE.contains(kill)) {
                        // Shoal's JVM takes longer than this to start, announce and dial.
                        ShoalGet.sleep(Duration.ofMillis(random.nextInt(800)));
                    } else {
                        long goal = before + (long) (size * (0.01 + 0.07 * random.nextDouble()));
                        run.explain(() -> seed.awaitUploaded(goal, RUN_WITHIN));
                    }
                    run.kill9();
                    run.stderr().lines().filter(l -> l.contains("unclean") || l.contains("recheck")
                            || l.contains("journal") || l.contains("Storage") || l.contains("checked"))
                            .forEach(l -> System.out.println(label + ": run " + number + ": " + l));
                }
                // Every block sent to the dead peer is counted in this run's epoch before the next begins.
                seed.await("the killed peer gone", QUICK, status -> status.peers() == 0);
                seed.newEpoch(QUICK);
                long sent = seed.blockCounts(QUICK).uploaded() - before;
                moments.add(sent == 0 ? "before the first byte" : "after " + ShoalGet.mib(sent));
            }
            try (ShoalGet last = command.start()) {
                last.awaitSuccess(Duration.ofSeconds(120), TestSwarm.logs(seed));
                System.out.println(label + ": last run: " + last.summary().orElse("(no summary)"));
            }
            seed.await("the last peer gone", QUICK, status -> status.peers() == 0);
            LibtorrentPeer.BlockCounts counts = seed.blockCounts(QUICK);
            report(label, size, moments, counts);
            assertEquals(KILLS, counts.refetched().size(), "an epoch per kill: " + counts);
            assertEquals("before the first byte", moments.get(0), "the first kill came before any byte");
            List<Long> sorted = counts.refetched().stream().sorted().toList();
            long median = (sorted.get(KILLS / 2 - 1) + sorted.get(KILLS / 2)) / 2;
            long max = sorted.get(KILLS - 1);
            assertTrue(median <= PIECE, () -> label + ": median refetched per kill " + median + " bytes > one piece");
            assertTrue(max <= 2 * PIECE, () -> label + ": a kill cost " + max + " bytes refetched > two pieces");
        }
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    private static void report(String label, long size, List<String> moments, LibtorrentPeer.BlockCounts counts) {
        for (int i = 0; i < counts.refetched().size(); i++) {
            long bytes = counts.refetched().get(i);
            System.out.printf(Locale.ROOT, "%s: kill %2d (%s): refetched %d bytes (%.1f KiB, %.2f pieces' worth, "
                    + "of %d pieces)%n", label, i + 1, i < moments.size() ? moments.get(i) : "?", bytes, bytes / 1024.0,
                    bytes / (double) PIECE, counts.refetchedPieces().get(i));
        }
        List<Long> sorted = counts.refetched().stream().sorted().toList();
        if (!sorted.isEmpty()) {
            int n = sorted.size();
            long median = (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2;
            System.out.printf(Locale.ROOT, "%s: per kill median %.1f KiB, max %.1f KiB, total %.1f KiB; "
                    + "seed sent %s for %s (%s twice within a run)%n", label, median / 1024.0,
                    sorted.get(n - 1) / 1024.0, sorted.stream().mapToLong(Long::longValue).sum() / 1024.0,
                    ShoalGet.mib(counts.uploaded()), ShoalGet.mib(size), ShoalGet.mib(counts.repeats()));
        }
    }
}
