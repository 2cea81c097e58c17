package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.test.support.Aria2Peer;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.RealPeer;
import dev.shoal.test.support.SwarmData;
import dev.shoal.test.support.Torrent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DHT in the real shoal.jar with libtorrent 2.0 and aria2 1.36 on loopback, both ways. A Shoal
 * daemon (the "router") is the only DHT node the real client knows; the client seeds a torrent that
 * names no tracker and announces it there; {@code shoal get 'magnet:?xt=urn:btih:<hex>'} (no tracker,
 * no peer address), bootstrapped from the router, finds the seed by get_peers, fetches the metadata and
 * completes byte-exact. The other way, a Shoal daemon seeds and announces to the router, and the real
 * client, given only the info-hash and joining the DHT through the seed, finds it and downloads.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DhtIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration WITHIN = Duration.ofSeconds(120);

    @TempDir
    Path work;

    /** How a test starts the real client for a torrent and a folder, joining the DHT through one node. */
    @FunctionalInterface
    private interface RealClient<P extends RealPeer<?>> {
        /** {@code dir} holds the seed's data, or takes the leecher's download. */
        P start(Torrent torrent, Path dir, InetSocketAddress dhtNode) throws IOException;
    }

    @Test
    void shoalGetFindsALibtorrentSeedThroughTheDhtFromAMagnetAlone() throws Exception {
        shoalGetFindsASeedThroughTheDht("libtorrent",
                (torrent, dir, node) -> LibtorrentPeer.seed(torrent, dir).dhtBootstrap(node).start());
    }

    /** aria2 pings its entry point, looks the torrent up there at once and announces it to the router. */
    @Test
    void shoalGetFindsAnAria2SeedThroughTheDhtFromAMagnetAlone() throws Exception {
        shoalGetFindsASeedThroughTheDht("aria2", (torrent, dir, node) -> Aria2Peer.seed(torrent, dir).dht(node).start());
    }

    /**
     * libtorrent never sends get_peers to its bootstrap nodes once it knows others, so it joins through
     * the seed and learns of the router (which holds the announce) from it.
     */
    @Test
    void libtorrentFindsAShoalSeedThroughTheDhtFromAMagnetAlone() throws Exception {
        aClientFindsAShoalSeedThroughTheDht("libtorrent",
                (torrent, dir, node) -> LibtorrentPeer.leecher(torrent, dir).fromMagnet().dhtBootstrap(node).start());
    }

    /** aria2 learns of the router from the seed's node (its entry point) and gets the seed from it. */
    @Test
    void aria2FindsAShoalSeedThroughTheDhtFromAMagnetAlone() throws Exception {
        aClientFindsAShoalSeedThroughTheDht("aria2",
                (torrent, dir, node) -> Aria2Peer.leecher(torrent, dir).fromMagnet().dht(node).start());
    }

    private <P extends RealPeer<?>> void shoalGetFindsASeedThroughTheDht(String client, RealClient<P> seedThrough)
            throws Exception {
        try (SwarmData data = SwarmData.generate(8 << 20)) {
            shoalGetFindsASeedThroughTheDht(client, data, data.makeTorrent(List.of(), 18), seedThrough);
        }
    }

    private <P extends RealPeer<?>> void shoalGetFindsASeedThroughTheDht(String client, SwarmData data,
            Torrent torrent, RealClient<P> seedThrough) throws Exception {
        Shoal router = new Shoal(work.resolve("router"));
        int routerPort = OpenTracker.freePort();
        try (ShoalDaemon daemon = startWithDht(router, routerPort, "")) {
            ShoalCli cli = new ShoalCli(router);
            String status = cli.ok("shoal:dht");
            assertTrue(status.contains("port " + routerPort), status);
            try (P seed = seedThrough.start(torrent, data.seedDir(), new InetSocketAddress("127.0.0.1", routerPort))) {
                long announced = System.nanoTime();
                String shown = awaitAnnounce(cli, client, () -> seed.logTail() + daemon.output());
                System.out.printf("DhtIT: the router %.1f s after %s seeds:%n%s%n",
                        (System.nanoTime() - announced) / 1e9, client, shown);

                Path getBase = work.resolve("get");
                Path getData = getBase.resolve("shoal-data");
                ShoalDaemon.configure(getData, "dev.shoal.dht",
                        Map.of("enabled", "true", "bootstrapNodes", "127.0.0.1:" + routerPort));
                Path download = data.newDirectory("dht-get");
                long started = System.nanoTime();
                try (ShoalGet get = ShoalGet.get("magnet:?xt=urn:btih:" + torrent.infoHash(), download)
                        .base(getBase).port(OpenTracker.freePort()).seedRatio("0").logLevel("info").start()) {
                    get.awaitSuccess(WITHIN, () -> seed.logTail() + daemon.output());
                    System.out.printf("DhtIT: shoal get from a bare magnet through the DHT from a %s seed complete"
                            + " at %.1f s with JVM start; %s%n", client, (System.nanoTime() - started) / 1e9,
                            get.summary().orElse("(no summary line)"));
                }
                data.assertDownloaded(download, SwarmData.Compare.EXACT);
            }
        }
    }

    /**
     * A Shoal daemon seeds a trackerless torrent and announces it to a second Shoal daemon's DHT node
     * (the router); the real client, started by {@code leecherThrough} with the seed's node as its only
     * DHT node, must complete byte-exact.
     */
    private <P extends RealPeer<?>> void aClientFindsAShoalSeedThroughTheDht(String client,
            RealClient<P> leecherThrough) throws Exception {
        try (SwarmData data = SwarmData.generate(8 << 20)) {
            Torrent torrent = data.makeTorrent(List.of(), 18);
            Path download = data.newDirectory(client + "-dht");
            aClientFindsAShoalSeedThroughTheDht(client, data, torrent, leecherThrough, download);
            data.assertDownloaded(download, SwarmData.Compare.EXACT);
        }
    }

    private <P extends RealPeer<?>> void aClientFindsAShoalSeedThroughTheDht(String client, SwarmData data,
            Torrent torrent, RealClient<P> leecherThrough, Path download) throws Exception {
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
            awaitAnnounce(new ShoalCli(routerShoal), "the Shoal seed", seed::output);
            long started = System.nanoTime();
            try (P leecher = leecherThrough.start(torrent, download, new InetSocketAddress("127.0.0.1", seederPort))) {
                try {
                    leecher.awaitComplete(WITHIN);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\nthe router's DHT:\n"
                            + new ShoalCli(routerShoal).ok("shoal:dht") + "\nthe seed's DHT:\n"
                            + cli.ok("shoal:dht") + "\n" + seed.output() + "\n" + client + ":\n"
                            + leecher.logTail(), e);
                }
                System.out.printf("DhtIT: %s from a bare magnet through Shoal's DHT complete at %.1f s;"
                        + " the seed's DHT:%n%s%n", client, (System.nanoTime() - started) / 1e9, cli.ok("shoal:dht"));
            }
        }
    }

    /** Waits until the router holds the one announce of the test's torrent; returns its shoal:dht. */
    private static String awaitAnnounce(ShoalCli router, String announcer,
            Supplier<String> context) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        String shown = router.ok("shoal:dht");
        while (!shown.contains("stored for others: 1 torrents, 1 peers")) {
            assertTrue(System.nanoTime() < deadline,
                    announcer + " never announced to the router:\n" + shown + "\n" + context.get());
            Thread.sleep(200);
            shown = router.ok("shoal:dht");
        }
        return shown;
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
}
