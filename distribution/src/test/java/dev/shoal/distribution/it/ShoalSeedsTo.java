package dev.shoal.distribution.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.RealPeer;
import dev.shoal.test.support.SwarmData;

/**
 * Shoal as the only seed of a test swarm ({@code shoal get --seed-ratio 1} over a complete copy of
 * the data) and one real leecher: the leecher announces first, so Shoal's first announce returns it
 * and Shoal dials it; the leecher completes, Shoal exits 0 once it has uploaded the torrent's size,
 * and the leecher's files are compared with the original.
 */
final class ShoalSeedsTo {

    /** After the leecher has everything, Shoal's uploaded counter has reached the size: it stops and exits. */
    private static final Duration EXIT_AFTER_GOAL = Duration.ofSeconds(30);

    /** Starts a leecher downloading into the folder given. */
    interface Leecher {
        RealPeer<?> start(Path download) throws IOException;
    }

    private ShoalSeedsTo() {
    }

    /**
     * {@code shoalData}: Shoal's copy of the data; {@code work}: Shoal's own folder; {@code encryption}:
     * the peer wire's setting, null for the default. Prints a line starting with {@code test}.
     */
    static void run(String test, TestSwarm swarm, Path shoalData, Path work, String client, Leecher start,
            Duration within, SwarmData.Compare how, String encryption) throws Exception {
        Path download = swarm.newDirectory(client + "-leecher");
        try (RealPeer<?> leecher = start.start(download)) {
            swarm.awaitAnnounced("the " + client + " leecher", now -> now.incomplete() >= 1, Duration.ofSeconds(30),
                    TestSwarm.logs(leecher));
            long started = System.nanoTime();
            ShoalGet.Options get = ShoalGet.get(swarm.torrentFile(), shoalData).base(work)
                    .port(OpenTracker.freePort()).seedRatio("1");
            if (encryption != null) {
                get.encryption(encryption);
            }
            try (ShoalGet shoal = get.start()) {
                shoal.explain(() -> leecher.awaitComplete(within));
                double seconds = (System.nanoTime() - started) / 1e9;
                shoal.awaitSuccess(EXIT_AFTER_GOAL, TestSwarm.logs(leecher));
                System.out.printf("%s: %s got %s from Shoal%s in %.1f s with Shoal's JVM start (%.1f MiB/s); %s%n",
                        test, client, ShoalGet.mib(swarm.size()), encryption == null ? "" : " (" + encryption + ")",
                        seconds, swarm.size() / 1048576.0 / seconds, shoal.summary().orElse("(no summary line)"));
            }
        }
        swarm.assertDownloaded(download, how);
    }
}
