package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.SwarmData;

/**
 * The tracker comes up late, over <b>UDP</b> announce (BEP 15): {@code shoal get} starts while
 * nothing listens on the tracker's port (a port that was free a moment before), so its first announce
 * gets no answer. {@value #TRACKER_LATE_SECONDS} s later opentracker starts on that port, and a
 * libtorrent seed announces to it. Shoal's retry must find the seed: it completes with byte-identical
 * files and exits 0, well within its default 2-minute give-up time.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TrackerLateIT {

    private static final int TRACKER_LATE_SECONDS = 9;
    /** Shoal's tracker back-off starts around 15 s and grows: a retry comes well within this. */
    private static final Duration COMPLETE_WITHIN = Duration.ofSeconds(90);

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.STARTED_BY_TEST, TestSwarm.Announce.UDP);

    @TempDir
    Path work;

    @Test
    void shoalRetriesAUdpTrackerThatStartsLateAndCompletes() throws Exception {
        Path download = swarm.newDirectory("shoal-download");
        try (ShoalGet shoal = ShoalGet.get(swarm.torrentFile(), download).base(work).port(OpenTracker.freePort())
                .seedRatio("0").start()) {
            ShoalGet.sleep(Duration.ofSeconds(TRACKER_LATE_SECONDS));
            assertTrue(shoal.isAlive(), () -> "shoal get gave up on the tracker within " + TRACKER_LATE_SECONDS
                    + " s\n" + shoal.describe());

            swarm.startTracker();
            long trackerUp = System.nanoTime();
            try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir()).start()) {
                shoal.awaitSuccess(COMPLETE_WITHIN, TestSwarm.logs(seed));
                System.out.printf("TrackerLateIT: tracker up %d s after Shoal started; Shoal complete %.1f s after "
                        + "that; %s%n", TRACKER_LATE_SECONDS, (System.nanoTime() - trackerUp) / 1e9,
                        shoal.summary().orElse("(no summary line)"));
            }
        }
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }
}
