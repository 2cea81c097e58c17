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
 * {@code kill -9} in the middle of a download, over opentracker's <b>UDP</b> announce: a libtorrent
 * seed capped at {@value #SEED_RATE_MIB} MiB/s gives time to kill Shoal's JVM (SIGKILL: no shutdown
 * hook, no resume save on the way out) once the seed has uploaded about half of the ~256 MiB. The same
 * command, same data directory, then completes with byte-identical files, and what the seed uploaded
 * over both runs shows how much was fetched twice: it must stay well below the size, so the pieces
 * verified before the kill were kept rather than downloaded again.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KillResumeIT {

    private static final int SEED_RATE_MIB = 20;
    private static final Duration HALF_WITHIN = Duration.ofSeconds(60);
    private static final Duration REST_WITHIN = Duration.ofSeconds(60);
    /** Fetched twice must stay below this share of the size. */
    private static final double MAX_REFETCHED = 0.25;

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_CLASS, TestSwarm.Announce.UDP);

    @TempDir
    Path work;

    @Test
    void killedMidDownloadOverUdpTrackerResumesWithoutFetchingVerifiedPiecesAgain() throws Exception {
        long size = swarm.size();
        Path download = swarm.newDirectory("shoal-download");
        int port = OpenTracker.freePort();
        ShoalGet.Options command = ShoalGet.get(swarm.torrentFile(), download).base(work).port(port).seedRatio("0");
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir())
                .uploadLimit((long) SEED_RATE_MIB << 20).start()) {
            long atKill;
            try (ShoalGet first = command.start()) {
                first.explain(() -> seed.awaitUploaded(size / 2, HALF_WITHIN));
                first.kill9();
                atKill = seed.uploadedBytes();
                System.out.println("KillResumeIT: first run's last progress line: "
                        + first.stdout().lines().reduce((a, b) -> b).orElse("(none)"));
            }
            try (ShoalGet second = command.start()) {
                second.awaitSuccess(REST_WITHIN, TestSwarm.logs(seed));
                System.out.println("KillResumeIT: second run: " + second.stdout().lines()
                        .filter(line -> line.startsWith("checking") || line.startsWith("["))
                        .findFirst().orElse("(no progress line)") + " ... " + second.summary().orElse("(no summary)"));
            }
            // The seed's counter moves once a second: wait until it counts the whole torrent, then settles.
            seed.awaitUploaded(size, Duration.ofSeconds(30));
            ShoalGet.sleep(Duration.ofMillis(1500));
            long uploaded = seed.uploadedBytes();
            long twice = uploaded - size;
            System.out.printf("KillResumeIT: size=%d (%s), seed uploaded %d (%s) over both runs, %d (%s) of it before "
                    + "the kill; fetched twice %d (%s, %.1f%% of the size)%n", size, ShoalGet.mib(size), uploaded,
                    ShoalGet.mib(uploaded), atKill, ShoalGet.mib(atKill), twice, ShoalGet.mib(twice),
                    100.0 * twice / size);
            assertTrue(twice < MAX_REFETCHED * size, () -> String.format(
                    "%s of the %s fetched before the kill were fetched again (%s over both runs)",
                    ShoalGet.mib(twice), ShoalGet.mib(atKill), ShoalGet.mib(uploaded)));
        }
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }
}
