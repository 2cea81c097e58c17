package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.shoal.test.support.SwarmData;

/**
 * A small real swarm over opentracker's <b>HTTP</b> announce: one libtorrent seed whose upload is
 * capped, so the leechers must trade pieces among themselves, and three leechers: Shoal first, then,
 * once it has its first bytes, aria2 and a second libtorrent. All complete with identical files;
 * Shoal exits 0 once complete ({@code --seed-ratio 0}), and its summary line shows it uploaded to the other leechers while it
 * downloaded (the seed wants nothing, so every byte Shoal sent went to a leecher).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SwarmIT {

    /** 256 MiB at this rate takes ~8.5 s: three leechers need three times that from the seed alone. */
    private static final long SEED_UPLOAD_LIMIT = 30L << 20;
    private static final Duration TRANSFER = Duration.ofSeconds(90);

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_CLASS, TestSwarm.Announce.HTTP);

    @TempDir
    Path work;

    @Test
    void shoalTradesWithLibtorrentAndAria2LeechersBesideARateLimitedSeedOverHttpTracker() throws Exception {
        Path shoalDownload = swarm.newDirectory("shoal-leecher");
        Path aria2Download = swarm.newDirectory("aria2-leecher");
        Path libtorrentDownload = swarm.newDirectory("libtorrent-leecher");
        long size = swarm.size();
        long started = System.nanoTime();
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir())
                        .uploadLimit(SEED_UPLOAD_LIMIT).start();
                ShoalGet shoal = ShoalGet.get(swarm.torrentFile(), shoalDownload).base(work)
                        .port(OpenTracker.freePort()).seedRatio("0").start()) {
            // The others start once Shoal has its first bytes: on a loaded machine its JVM came up
            // after they had completed, with nobody left to upload to.
            shoal.explain(() -> seed.await("its first bytes to Shoal", TRANSFER, status -> status.uploaded() > 0));
            try (LibtorrentPeer libtorrent = LibtorrentPeer.leecher(swarm.torrent(), libtorrentDownload).start();
                    Aria2Peer aria2 = Aria2Peer.leecher(swarm.torrent(), aria2Download).start()) {
                var peers = TestSwarm.logs(seed, libtorrent, aria2);
                shoal.awaitSuccess(TRANSFER, peers);
                double shoalSeconds = (System.nanoTime() - started) / 1e9;
                shoal.explain(() -> libtorrent.awaitComplete(TRANSFER));
                shoal.explain(() -> aria2.awaitComplete(TRANSFER));
                double allSeconds = (System.nanoTime() - started) / 1e9;

                long shoalUploaded = shoal.summaryUploaded();
                long seedUploaded = seed.uploadedBytes();
                System.out.printf("SwarmIT: seed capped at %s/s uploaded %s; Shoal complete after %.1f s, all after "
                        + "%.1f s; libtorrent leecher uploaded %s, aria2 leecher uploaded %s; Shoal: %s%n",
                        ShoalGet.mib(SEED_UPLOAD_LIMIT), ShoalGet.mib(seedUploaded), shoalSeconds, allSeconds,
                        ShoalGet.mib(libtorrent.uploadedBytes()), ShoalGet.mib(aria2.status().uploaded()),
                        shoal.summary().orElse("(no summary line)"));
                assertTrue(shoalUploaded > 0, () -> "Shoal uploaded nothing to the other leechers\n"
                        + shoal.describe() + peers.get());
                assertTrue(seedUploaded < 3 * size, () -> "the seed uploaded everything three times: the leechers "
                        + "did not trade\n" + peers.get());
            }
        }
        swarm.assertDownloaded(shoalDownload, SwarmData.Compare.EXACT);
        swarm.assertDownloaded(libtorrentDownload, SwarmData.Compare.EXACT);
        swarm.assertDownloaded(aria2Download, SwarmData.Compare.EXACT);
    }
}
