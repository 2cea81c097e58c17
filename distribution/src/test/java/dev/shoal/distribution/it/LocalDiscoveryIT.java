package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.test.support.LoopbackMulticast;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.Processes;
import dev.shoal.test.support.Torrent;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Shoal daemons on one host, a torrent with no tracker and no DHT, local service discovery on
 * the loopback interface (BEP 14's group and port): the seed and the leecher find each other by their
 * multicast announces alone, and the leecher downloads the whole file from the seed.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LocalDiscoveryIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    /** The first announce goes out when the torrent starts; a generous bound only to catch a hang. */
    private static final Duration COMPLETES_WITHIN = Duration.ofSeconds(120);
    private static final String LSD_LOG = "-Dorg.slf4j.simpleLogger.log.dev.shoal.lsd=debug";

    @TempDir
    Path work;

    private final List<ShoalDaemon> daemons = new ArrayList<>();

    @AfterEach
    void stopDaemons() throws InterruptedException {
        for (ShoalDaemon daemon : daemons) {
            daemon.close();
        }
    }

    @Test
    void twoDaemonsFindEachOtherOnTheLoopbackMulticastAndOneDownloadsFromTheOther() throws Exception {
        NetworkInterface loopback = LoopbackMulticast.requireIpv4();
        Path seedDir = Files.createDirectories(work.resolve("seed-data"));
        byte[] payload = new byte[12 << 20];
        new Random(14).nextBytes(payload);
        Path file = Files.write(seedDir.resolve("lsd-payload.bin"), payload);
        Path torrentFile = work.resolve("lsd-payload.torrent");
        Shoal seeder = new Shoal(work.resolve("seeder"));
        Processes.Result created = seeder.run("create", file.toString(), "-o", torrentFile.toString());
        assertEquals(0, created.exitCode(), created::describe);
        Torrent torrent = Torrent.read(torrentFile);
        assertTrue(!new String(Files.readAllBytes(torrentFile), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("announce"), "the torrent must name no tracker");

        int seederPort = OpenTracker.freePort();
        ShoalDaemon seed = start(seeder, seederPort, loopback);
        Shoal leecher = new Shoal(work.resolve("leecher"));
        int leecherPort = OpenTracker.freePort();
        ShoalDaemon leech = start(leecher, leecherPort, loopback);

        ShoalCli seederCli = new ShoalCli(seeder);
        ShoalCli leecherCli = new ShoalCli(leecher);
        String hash = torrent.infoHash().substring(0, 8);
        seederCli.ok("shoal:add", torrentFile.toString(), "--dir", seedDir.toString());
        seederCli.awaitInfo(hash, "seeding", STARTUP, info -> info.done() == 100, seed::output);
        Path download = Files.createDirectories(work.resolve("leecher-download"));
        leecherCli.ok("shoal:add", torrentFile.toString(), "--dir", download.toString());

        leecherCli.awaitInfo(hash, "complete from the seed found by LSD", COMPLETES_WITHIN,
                info -> info.done() == 100, () -> leech.output() + seed.output());
        assertArrayEquals(payload, Files.readAllBytes(download.resolve("lsd-payload.bin")), "the downloaded bytes");

        // The peers came from LSD: each heard the other's announce of this torrent at its port.
        String heardBySeed = "LSD: /127.0.0.1:" + leecherPort + " announces " + torrent.infoHash();
        String heardByLeech = "LSD: /127.0.0.1:" + seederPort + " announces " + torrent.infoHash();
        assertTrue(seed.output().contains(heardBySeed) || leech.output().contains(heardByLeech),
                () -> "neither daemon logged hearing the other's announce\n" + leech.output() + seed.output());
        System.out.println("LocalDiscoveryIT: the seed heard the leecher: " + seed.output().contains(heardBySeed)
                + ", the leecher heard the seed: " + leech.output().contains(heardByLeech));
    }

    /** A daemon with peers on 127.0.0.1:{@code port} and LSD on the loopback interface over IPv4 only. */
    private ShoalDaemon start(Shoal shoal, int port, NetworkInterface loopback) {
        ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.peer",
                Map.of("listenAddress", "127.0.0.1", "port", String.valueOf(port)));
        ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.lsd",
                Map.of("interfaces", loopback.getName(), "ipv6", "false"));
        ShoalDaemon daemon = ShoalDaemon.start(shoal, shoal.dataDir().getParent(), LSD_LOG);
        daemons.add(daemon);
        return daemon.awaitRemoteShell(STARTUP);
    }
}
