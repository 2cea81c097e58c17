package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.shoal.test.support.Ipv6Loopback;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.SwarmData;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * IPv6 peers, the real shoal.jar against libtorrent, everything on ::1, on the ~256 MiB multi-file
 * torrent. {@code shoal get} of a magnet link whose tracker is on {@code [::1]}: the announce goes over
 * IPv6 and the answer names the only seed, libtorrent listening on ::1 alone, in {@code peers6} (BEP 7);
 * Shoal fetches the metadata and the data from it. Debian's opentracker has no IPv6 (it says "V4
 * Tracker is V4 only!" to {@code -i ::1}), so the tracker is {@link Peers6Tracker}. And Shoal, listening
 * on ::1 alone, seeds to a libtorrent leecher on ::1 that dials it. Skipped with the reason where ::1
 * does not work (a failure under SHOAL_REQUIRE_ALL_TESTS=1). Times are printed, never asserted.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class Ipv6IT {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    /** Shoal has checked its copy and seeds once its status line says so. */
    private static final String SEEDING = "seeding";

    /** The torrent's own tracker (opentracker, IPv4) is never started: peers come only as each test says. */
    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.STARTED_BY_TEST, TestSwarm.Announce.HTTP);

    @TempDir
    Path work;

    @Test
    void getDownloadsFromAnIpv6SeedThatAnIpv6TrackerNamesInPeers6() throws Exception {
        InetAddress v6 = Ipv6Loopback.require();
        Path download = swarm.newDirectory("ipv6-get");
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir()).onIpv6Loopback().start();
                Peers6Tracker tracker = Peers6Tracker.start("::1", List.of(new InetSocketAddress(v6, seed.port())))) {
            String magnet = "magnet:?xt=urn:btih:" + swarm.torrent().infoHash() + "&tr="
                    + URLEncoder.encode(tracker.announceUrl().toString(), StandardCharsets.UTF_8);
            long started = System.nanoTime();
            try (ShoalGet shoal = ShoalGet.get(magnet, download).base(work).port(OpenTracker.freePort())
                    .seedRatio("0").logLevel("info").start()) {
                shoal.awaitSuccess(WITHIN, () -> TestSwarm.logs(seed).get() + "\nannounces: " + tracker.announces());
                System.out.printf("Ipv6IT: shoal get of a magnet, tracker on %s answering peers6, the seed on [::1]:%d:"
                        + " complete (%s) at %.1f s with JVM start; %s%n", tracker.announceUrl(), seed.port(),
                        ShoalGet.mib(swarm.size()), (System.nanoTime() - started) / 1e9,
                        shoal.summary().orElse("(no summary line)"));
            }
            List<Peers6Tracker.Announce> announces = tracker.announces();
            assertFalse(announces.isEmpty(), "Shoal never announced to the IPv6 tracker");
            assertTrue(announces.stream().allMatch(a -> a.from().getAddress() instanceof Inet6Address),
                    () -> "announces not over IPv6: " + announces);
            assertTrue(seed.status().uploaded() > 0, () -> "the seed sent nothing: " + seed.status());
        }
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    @Test
    void shoalListeningOnIpv6SeedsToALibtorrentLeecherThatDialsIt() throws Exception {
        Ipv6Loopback.require();
        Path shoalData = swarm.newDirectory("ipv6-shoal-seed");
        SwarmData.copyTree(swarm.seedDir(), shoalData);
        Path download = swarm.newDirectory("ipv6-leecher");
        int port = OpenTracker.freePort();
        try (ShoalGet shoal = ShoalGet.get(swarm.torrentFile(), shoalData).base(work).port(port)
                .listenAddress("::1").seedRatio("1").logLevel("info").start()) {
            shoal.awaitStderr("listening on [::1]", log -> log.contains("listening for peers on [::1]:" + port), WITHIN,
                    () -> "");
            awaitSeeding(shoal);
            long started = System.nanoTime();
            try (LibtorrentPeer leecher = LibtorrentPeer.leecher(swarm.torrent(), download).onIpv6Loopback()
                    .connectTo(port).start()) {
                shoal.explain(() -> leecher.awaitComplete(WITHIN));
                double seconds = (System.nanoTime() - started) / 1e9;
                shoal.awaitSuccess(Duration.ofSeconds(30), TestSwarm.logs(leecher));
                System.out.printf("Ipv6IT: libtorrent on ::1 got %s from Shoal on [::1]:%d in %.1f s; %s%n",
                        ShoalGet.mib(swarm.size()), port, seconds, shoal.summary().orElse("(no summary line)"));
            }
        }
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    /** Until Shoal's status line says it seeds (its check of the copy done), bounded. */
    private static void awaitSeeding(ShoalGet shoal) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!shoal.stdout().contains(SEEDING)) {
            if (!shoal.isAlive() || System.nanoTime() > deadline) {
                fail("Shoal did not start seeding:\n" + shoal.describe());
            }
            ShoalGet.sleep(Duration.ofMillis(200));
        }
    }
}
