package dev.shoal.distribution.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.Aria2Peer;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.RealPeer;
import dev.shoal.test.support.SwarmData;
import dev.shoal.test.support.TransmissionPeer;

/**
 * {@code shoal get} downloads the ~256 MiB multi-file torrent (odd sizes, a zero-length file, nested
 * folders) from a real client as the only seed, found through opentracker's <b>HTTP</b> announce:
 * libtorrent, Transmission and aria2 in turn. Each download must be byte-identical and Shoal must
 * exit 0 right after completing ({@code --seed-ratio 0}). Given only a magnet link with the tracker,
 * Shoal fetches the metadata (BEP 9) from Transmission or aria2 as the only seed, then the data.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DownloadFromRealSeedsIT {

    private static final Duration FAST_SEED = Duration.ofSeconds(90);
    /** Transmission waits ~10 s before the first unchoke, then seeds at ~10 MiB/s to Shoal here. */
    private static final Duration TRANSMISSION_SEED = Duration.ofSeconds(150);

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_TEST, TestSwarm.Announce.HTTP);

    @TempDir
    Path work;

    @Test
    void fromLibtorrentSeedOverHttpTracker() throws Exception {
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir()).start()) {
            downloadFrom("libtorrent", seed, FAST_SEED);
        }
    }

    /** Transmission drops loopback peers from trackers: Shoal finds it in its first announce and dials it. */
    @Test
    void fromTransmissionSeedOverHttpTracker() throws Exception {
        try (TransmissionPeer seed = TransmissionPeer.seed(swarm.torrent(), swarm.seedDir()).start()) {
            swarm.awaitAnnounced("the Transmission seed", now -> now.complete() >= 1, Duration.ofSeconds(30),
                    TestSwarm.logs(seed));
            downloadFrom("Transmission", seed, TRANSMISSION_SEED);
        }
    }

    @Test
    void fromAria2SeedOverHttpTracker() throws Exception {
        try (Aria2Peer seed = Aria2Peer.seed(swarm.torrent(), swarm.seedDir()).start()) {
            downloadFrom("aria2", seed, FAST_SEED);
        }
    }

    @Test
    void fromATransmissionSeedGivenAMagnet() throws Exception {
        try (TransmissionPeer seed = TransmissionPeer.seed(swarm.torrent(), swarm.seedDir()).start()) {
            swarm.awaitAnnounced("the Transmission seed", now -> now.complete() >= 1, Duration.ofSeconds(30),
                    TestSwarm.logs(seed));
            downloadFrom("Transmission by magnet", seed, TRANSMISSION_SEED,
                    ShoalGet.get(magnetWithTracker(), swarm.newDirectory("shoal-magnet-from-Transmission")));
        }
    }

    @Test
    void fromAnAria2SeedGivenAMagnet() throws Exception {
        try (Aria2Peer seed = Aria2Peer.seed(swarm.torrent(), swarm.seedDir()).start()) {
            swarm.awaitAnnounced("the aria2 seed", now -> now.complete() >= 1, Duration.ofSeconds(30),
                    TestSwarm.logs(seed));
            downloadFrom("aria2 by magnet", seed, FAST_SEED,
                    ShoalGet.get(magnetWithTracker(), swarm.newDirectory("shoal-magnet-from-aria2")));
        }
    }

    private static String magnetWithTracker() {
        return "magnet:?xt=urn:btih:" + swarm.torrent().infoHash() + "&tr="
                + URLEncoder.encode(swarm.httpAnnounce().toString(), StandardCharsets.UTF_8);
    }

    private void downloadFrom(String client, RealPeer<?> seed, Duration within) throws Exception {
        downloadFrom(client, seed, within, ShoalGet.get(swarm.torrentFile(), swarm.newDirectory("shoal-from-" + client)));
    }

    private void downloadFrom(String client, RealPeer<?> seed, Duration within, ShoalGet.Options get)
            throws Exception {
        long started = System.nanoTime();
        try (ShoalGet shoal = get.base(work).port(OpenTracker.freePort()).seedRatio("0").start()) {
            shoal.awaitSuccess(within, TestSwarm.logs(seed));
            System.out.printf("DownloadFromRealSeedsIT: from %s, %s in %.1f s with JVM start; seed uploaded %s; %s%n",
                    client, ShoalGet.mib(swarm.size()), (System.nanoTime() - started) / 1e9,
                    ShoalGet.mib(seed.uploadedBytes()), shoal.summary().orElse("(no summary line)"));
        }
        swarm.assertDownloaded(get.directory(), SwarmData.Compare.EXACT);
    }
}
