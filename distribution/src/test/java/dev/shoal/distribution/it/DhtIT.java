package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.SwarmData;
import dev.shoal.test.support.Torrent;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DHT in the real shoal.jar with libtorrent 2.0 on loopback: a Shoal daemon is the only DHT
 * node libtorrent knows; libtorrent seeds a torrent that names no tracker and announces it there;
 * {@code shoal get 'magnet:?xt=urn:btih:<hex>'} (no tracker, no peer address), bootstrapped from
 * the daemon, finds the seed by get_peers, fetches the metadata and completes byte-exact.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DhtIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration WITHIN = Duration.ofSeconds(120);

    @TempDir
    Path work;

    /**
     * The other way: a Shoal daemon seeds a trackerless torrent and announces it to a second Shoal
     * daemon's DHT node; libtorrent, given only the info-hash and joining the DHT through the seed,
     * finds the Shoal seed by get_peers and downloads it.
     */
    @Test
    void libtorrentFindsAShoalSeedThroughTheDhtFromAMagnetAlone() throws Exception {
        try (SwarmData data = SwarmData.generate(8 << 20)) {
            Torrent torrent = data.makeTorrent(List.of(), 18);
            int routerPort = OpenTracker.freePort();
            Shoal seeder = new Shoal(work.resolve("seeder"));
            Shoal routerShoal = new Shoal(work.resolve("router"));
            int seederPort = OpenTracker.freePort();
            try (ShoalDaemon router = startWithDht(routerShoal, routerPort, "");
                    ShoalDaemon seed = startWithDht(seeder, seederPort, "127.0.0.1:" + routerPort)) {
                ShoalCli cli = new ShoalCli(seeder);
                cli.ok("shoal:add", torrent.file().toString(), "--dir", data.seedDir().toString());
                cli.awaitInfo(torrent.infoHash().substring(0, 8), "seeding", STARTUP, info -> info.done() == 100,
                        seed::output);
                Path download = data.newDirectory("libtorrent-dht");
                long started = System.nanoTime();
                try (LibtorrentPeer leecher = LibtorrentPeer.leecher(torrent, download).fromMagnet()
                        // libtorrent never sends get_peers to its bootstrap nodes once it knows others, so it
                        // joins through the seed and learns of the router (which holds the announce) from it.
                        .dhtBootstrap(new InetSocketAddress("127.0.0.1", seederPort)).start()) {
                    try {
                        leecher.await("complete from the Shoal seed found through the DHT", WITHIN,
                                LibtorrentPeer.Status::complete);
                    } catch (AssertionError e) {
                        throw new AssertionError(e.getMessage() + "\nthe router's DHT:\n"
                                + new ShoalCli(routerShoal).ok("shoal:dht") + "\nthe seed's DHT:\n"
                                + cli.ok("shoal:dht") + "\n" + seed.output(), e);
                    }
                    System.out.printf("DhtIT: libtorrent from a bare magnet through Shoal's DHT complete at %.1f s;"
                            + " the seed's DHT:%n%s%n", (System.nanoTime() - started) / 1e9, cli.ok("shoal:dht"));
                }
                data.assertDownloaded(download, SwarmData.Compare.EXACT);
            }
        }
    }

    /** A daemon with peers (and so the UDP port) on 127.0.0.1:{@code port} and the DHT on. */
    private ShoalDaemon startWithDht(Shoal shoal, int port, String bootstrapNodes) throws Exception {
        ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.peer",
                Map.of("listenAddress", "127.0.0.1", "port", String.valueOf(port)));
        ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.dht",
                Map.of("enabled", "true", "bootstrapNodes", bootstrapNodes));
        Path base = Files.createDirectories(shoal.dataDir().getParent());
        return ShoalDaemon.start(shoal, base).awaitRemoteShell(STARTUP);
    }

    @Test
    void shoalGetFindsALibtorrentSeedThroughTheDhtFromAMagnetAlone() throws Exception {
        try (SwarmData data = SwarmData.generate(8 << 20)) {
            Torrent torrent = data.makeTorrent(List.of(), 18);
            Shoal router = new Shoal(work.resolve("router"));
            int routerPort = OpenTracker.freePort();
            try (ShoalDaemon daemon = startWithDht(router, routerPort, "")) {
                ShoalCli cli = new ShoalCli(router);
                String status = cli.ok("shoal:dht");
                assertTrue(status.contains("port " + routerPort), status);
                InetSocketAddress dhtNode = new InetSocketAddress("127.0.0.1", routerPort);
                try (LibtorrentPeer seed = LibtorrentPeer.seed(torrent, data.seedDir()).dhtBootstrap(dhtNode).start()) {
                    long deadline = System.nanoTime() + STARTUP.toNanos();
                    String shown = cli.ok("shoal:dht");
                    while (!shown.contains("stored for others: 1 torrents, 1 peers")) {
                        assertTrue(System.nanoTime() < deadline, "libtorrent never announced to Shoal:\n" + shown
                                + "\n" + seed.logTail() + daemon.output());
                        Thread.sleep(200);
                        shown = cli.ok("shoal:dht");
                    }
                    System.out.println("DhtIT: the router after libtorrent's announce:\n" + shown);

                    Path getBase = work.resolve("get");
                    Path getData = getBase.resolve("shoal-data");
                    ShoalDaemon.configure(getData, "dev.shoal.dht",
                            Map.of("enabled", "true", "bootstrapNodes", "127.0.0.1:" + routerPort));
                    Path download = data.newDirectory("dht-get");
                    long started = System.nanoTime();
                    try (ShoalGet get = ShoalGet.get("magnet:?xt=urn:btih:" + torrent.infoHash(), download)
                            .base(getBase).port(OpenTracker.freePort()).seedRatio("0").logLevel("info").start()) {
                        get.awaitSuccess(WITHIN, () -> seed.logTail() + daemon.output());
                        System.out.printf("DhtIT: shoal get from a bare magnet through the DHT complete at %.1f s"
                                + " with JVM start; %s%n", (System.nanoTime() - started) / 1e9,
                                get.summary().orElse("(no summary line)"));
                    }
                    data.assertDownloaded(download, SwarmData.Compare.EXACT);
                }
            }
        }
    }
}
