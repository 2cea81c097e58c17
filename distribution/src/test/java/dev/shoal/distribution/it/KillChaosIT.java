package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
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
 * download (256 KiB pieces) from a rate-capped libtorrent seed, some before the first byte of their run
 * (the first run's among them, with nothing on disk yet), the others after a random share of the
 * torrent, then a run that completes with byte-identical files.
 *
 * <p>The seed counts every block it uploads, in an epoch per run ({@link LibtorrentPeer#newEpoch}): a
 * block sent again in a later run was lost by the kill that ended the run of its previous copy. After
 * each kill the test notes which blocks are on disk ({@link BlocksOnDisk}), which splits what was
 * fetched again: blocks that were on disk, which the restart should have recovered (every block
 * written before the kill is in the page cache, which survives a killed process), and blocks in flight
 * (sent, but still in a socket or the write queue), which nothing can keep. The first may cost at most
 * a piece per kill in the median and two at most; both are printed. Those are byte counts, not times,
 * so the bounds hold on a slow machine too. The random moments come from a seed printed first
 * ({@code -Dshoal.chaos.seed=N} replays one).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class KillChaosIT {

    private static final int KILLS = 10;
    /** Kills at these numbers (1-based) come before the first byte of their run. */
    private static final List<Integer> BEFORE_FIRST_BYTE = List.of(1, 6);
    private static final long PIECE = 1L << TestSwarm.PIECE_LENGTH_EXPONENT;
    private static final Duration RUN_WITHIN = Duration.ofSeconds(60);
    private static final Duration QUICK = Duration.ofSeconds(15);
    /** A run killed before its storage's start-up check logged anything. */
    private static final String NOTHING = "(no start-up line)";

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
        // Info: the storage's line on what it recovered after each kill is printed with the figures.
        ShoalGet.Options command = ShoalGet.get(swarm.torrentFile(), download).base(work)
                .port(OpenTracker.freePort()).seedRatio("0").logLevel("info");
        List<Kill> kills = new ArrayList<>();
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir())
                .uploadLimit((long) seedRateMib << 20).countBlocks().start()) {
            for (int kill = 1; kill <= KILLS; kill++) {
                long before = seed.blockCounts(QUICK).uploaded();
                String recovered;
                try (ShoalGet run = command.start()) {
                    if (BEFORE_FIRST_BYTE.contains(kill)) {
                        // Shoal's JVM takes longer than this to start, announce and dial.
                        ShoalGet.sleep(Duration.ofMillis(random.nextInt(800)));
                    } else {
                        long goal = before + (long) (size * (0.01 + 0.07 * random.nextDouble()));
                        run.explain(() -> seed.awaitUploaded(goal, RUN_WITHIN));
                    }
                    run.kill9();
                    recovered = startupLine(run);
                }
                // Every block sent to the dead peer is counted in this run's epoch before the next begins.
                seed.await("the killed peer gone", QUICK, status -> status.peers() == 0);
                seed.newEpoch(QUICK);
                long sent = seed.blockCounts(QUICK).uploaded() - before;
                kills.add(new Kill(sent, BlocksOnDisk.of(swarm.torrent(), swarm.seedDir(), download), recovered));
            }
            String lastStart;
            try (ShoalGet last = command.start()) {
                last.awaitSuccess(Duration.ofSeconds(120), TestSwarm.logs(seed));
                lastStart = startupLine(last);
                System.out.println(label + ": last run: " + lastStart + "; " + last.summary().orElse("(no summary)"));
            }
            seed.await("the last peer gone", QUICK, status -> status.peers() == 0);
            LibtorrentPeer.BlockCounts counts = seed.blockCounts(QUICK);
            assertEquals(KILLS, counts.refetched().size(), "an epoch per kill: " + counts);
            List<Long> lost = report(label, size, kills, counts);
            assertEquals(0, kills.get(0).sent(), "the first kill came before any byte");
            assertRecovered(label, kills, lastStart);
            long median = (lost.get(KILLS / 2 - 1) + lost.get(KILLS / 2)) / 2;
            long max = lost.get(KILLS - 1);
            assertTrue(median <= PIECE, () -> label + ": median per kill of blocks on disk fetched again " + median
                    + " bytes > one piece");
            assertTrue(max <= 2 * PIECE, () -> label + ": a kill cost " + max
                    + " bytes of blocks on disk fetched again > two pieces");
        }
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    /**
     * One kill: the payload the seed sent in its run, the blocks on disk right after it, and what the
     * storage said of its start-up in that run.
     */
    private record Kill(long sent, BitSet onDisk, String recovered) {
    }

    /**
     * After every kill that came after the first byte of its run, the next start that got as far as
     * checking recovered from the resume data and its journal (hashing only the pieces completed since
     * the last save), never checking every piece again.
     */
    private static void assertRecovered(String label, List<Kill> kills, String lastStart) {
        for (int i = 0; i < KILLS; i++) {
            if (kills.get(i).sent() == 0) {
                continue;
            }
            String next = lastStart;
            for (int j = i + 1; j < KILLS; j++) {
                if (!kills.get(j).recovered().equals(NOTHING)) {
                    next = kills.get(j).recovered();
                    break;
                }
            }
            String start = next;
            int kill = i + 1;
            assertTrue(start.contains("resumed after an unclean stop"),
                    () -> label + ": after kill " + kill + " the next start said: " + start);
        }
    }

    /** What the storage logged of its start-up (recovered after an unclean stop), if anything. */
    private static String startupLine(ShoalGet run) {
        return run.stderr().lines().filter(line -> line.contains("StartupCheck"))
                .map(line -> line.substring(line.indexOf(" - ") + 3)).findFirst().orElse(NOTHING);
    }

    /**
     * Prints each kill's figures and returns, sorted, the bytes per kill that had been on disk at the
     * kill yet were fetched again: what the restart failed to recover. The rest of what was fetched
     * again was in flight (sent, not yet written), which no resume data can keep.
     */
    private static List<Long> report(String label, long size, List<Kill> kills, LibtorrentPeer.BlockCounts counts) {
        List<Long> lost = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            Kill kill = kills.get(i);
            long refetched = counts.refetched().get(i);
            BitSet again = (BitSet) counts.refetchedBlocks().get(i).clone();
            again.and(kill.onDisk());
            long onDisk = (long) again.cardinality() * BlocksOnDisk.BLOCK;
            lost.add(onDisk);
            System.out.printf(Locale.ROOT, "%s: kill %2d (%s; next start: %s): fetched again %.1f KiB (%.2f pieces' "
                    + "worth, of %d pieces): %.1f KiB had been on disk, %.1f KiB were in flight%n", label, i + 1,
                    kill.sent() == 0 ? "before the first byte" : "after " + ShoalGet.mib(kill.sent()),
                    i + 1 < KILLS ? kills.get(i + 1).recovered() : "see the last run", refetched / 1024.0,
                    refetched / (double) PIECE, counts.refetchedPieces().get(i), onDisk / 1024.0,
                    (refetched - onDisk) / 1024.0);
        }
        List<Long> all = counts.refetched().stream().sorted().toList();
        List<Long> sorted = lost.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%s: fetched again per kill: median %.1f KiB, max %.1f KiB, total %.1f KiB; of "
                + "it on disk at the kill: median %.1f KiB, max %.1f KiB; seed sent %s for %s (%s twice within a run)%n",
                label, median(all) / 1024.0, all.get(KILLS - 1) / 1024.0,
                all.stream().mapToLong(Long::longValue).sum() / 1024.0, median(sorted) / 1024.0,
                sorted.get(KILLS - 1) / 1024.0, ShoalGet.mib(counts.uploaded()), ShoalGet.mib(size),
                ShoalGet.mib(counts.repeats()));
        return sorted;
    }

    private static long median(List<Long> sorted) {
        return (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2;
    }
}
