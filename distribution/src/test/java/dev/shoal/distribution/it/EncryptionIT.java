package dev.shoal.distribution.it;

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
 * Message Stream Encryption against a real client: a libtorrent peer with encryption forced both
 * ways and RC4 only ({@code out_enc_policy}/{@code in_enc_policy} = forced, {@code allowed_enc_level}
 * = rc4) refuses every plaintext connection, so a complete, byte-identical transfer proves the MSE
 * handshake and RC4 both ways. Shoal is set to {@code require}, so neither end could fall back.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class EncryptionIT {

    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static final Duration EXIT_AFTER_GOAL = Duration.ofSeconds(30);

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_TEST, TestSwarm.Announce.HTTP);

    @TempDir
    Path work;

    @Test
    void shoalRequiringEncryptionDownloadsFromAForcedLibtorrentSeed() throws Exception {
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir()).forceEncryption().start()) {
            ShoalGet.Options get = ShoalGet.get(swarm.torrentFile(), swarm.newDirectory("shoal-encrypted"));
            long started = System.nanoTime();
            try (ShoalGet shoal = get.base(work).port(OpenTracker.freePort()).seedRatio("0").encryption("require")
                    .start()) {
                shoal.awaitSuccess(WITHIN, TestSwarm.logs(seed));
                System.out.printf("EncryptionIT: %s from a forced-RC4 libtorrent seed in %.1f s with JVM start; %s%n",
                        ShoalGet.mib(swarm.size()), (System.nanoTime() - started) / 1e9,
                        shoal.summary().orElse("(no summary line)"));
            }
            swarm.assertDownloaded(get.directory(), SwarmData.Compare.EXACT);
        }
    }

    @Test
    void aForcedLibtorrentLeecherDownloadsFromAShoalSeedRequiringEncryption() throws Exception {
        Path shoalData = swarm.newDirectory("shoal-seed");
        SwarmData.copyTree(swarm.seedDir(), shoalData);
        Path download = swarm.newDirectory("libtorrent-leecher");
        try (LibtorrentPeer leecher = LibtorrentPeer.leecher(swarm.torrent(), download).forceEncryption().start()) {
            swarm.awaitAnnounced("the libtorrent leecher", now -> now.incomplete() >= 1, Duration.ofSeconds(30),
                    TestSwarm.logs(leecher));
            long started = System.nanoTime();
            try (ShoalGet shoal = ShoalGet.get(swarm.torrentFile(), shoalData).base(work)
                    .port(OpenTracker.freePort()).seedRatio("1").encryption("require").start()) {
                shoal.explain(() -> leecher.awaitComplete(WITHIN));
                double seconds = (System.nanoTime() - started) / 1e9;
                shoal.awaitSuccess(EXIT_AFTER_GOAL, TestSwarm.logs(leecher));
                System.out.printf("EncryptionIT: a forced-RC4 libtorrent leecher got %s from Shoal in %.1f s with "
                        + "Shoal's JVM start (%.1f MiB/s)%n", ShoalGet.mib(swarm.size()), seconds,
                        swarm.size() / 1048576.0 / seconds);
            }
        }
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }
}
