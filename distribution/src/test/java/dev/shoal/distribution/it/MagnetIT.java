package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.Aria2Peer;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.Processes;
import dev.shoal.test.support.RealPeer;
import dev.shoal.test.support.SwarmData;
import dev.shoal.test.support.TransmissionPeer;

/**
 * Magnet links (BEP 9) against the real shoal.jar and libtorrent, on the ~256 MiB multi-file torrent:
 * {@code shoal get} of a link whose metadata and data come from a libtorrent seed found through the
 * link's tracker, or through its {@code x.pe} peer alone; the daemon given a link by {@code shoal add}
 * shows it fetching metadata while no peer has it, then downloads once a seed turns up, and after a
 * restart takes the torrent from what it kept instead of fetching again; and Shoal, seeding from a
 * torrent file, gives a libtorrent leecher that has only the info-hash the metadata and the data, and so
 * it does to aria2 and Transmission leechers that have the info-hash and the tracker (they read no
 * {@code x.pe}; Transmission drops Shoal after the metadata and gets the data once Shoal dials it again).
 * Times to metadata and completion are printed, never asserted.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MagnetIT {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    /** Transmission waits ~10 s (its rechoke period) before data flows, then takes ~8 MiB/s from Shoal. */
    private static final Duration TRANSMISSION_WITHIN = Duration.ofSeconds(150);
    private static final Duration STARTUP = Duration.ofSeconds(60);
    /** The daemon's download is capped so that it is still under way when the daemon is restarted. */
    private static final int SEED_RATE_MIB = 12;
    private static final String MAGNET_LOG = "-Dorg.slf4j.simpleLogger.log.dev.shoal.engine.internal.MagnetRuntime=info";
    private static final Pattern RECEIVED = Pattern.compile("metadata received \\((\\d+) bytes\\) in (\\d+) ms");
    private static final String FETCHING = "fetching the metadata";

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_TEST, TestSwarm.Announce.HTTP);

    @TempDir
    Path work;

    private final List<ShoalDaemon> daemons = new ArrayList<>();

    @AfterEach
    void stopDaemons() throws InterruptedException {
        for (ShoalDaemon daemon : daemons) {
            daemon.close();
        }
    }

    private static String magnet(String more) {
        return "magnet:?xt=urn:btih:" + swarm.torrent().infoHash() + more;
    }

    private static String trackerParameter() {
        return "&tr=" + URLEncoder.encode(swarm.httpAnnounce().toString(), StandardCharsets.UTF_8);
    }

    @Test
    void getFetchesTheMetadataFromASeedTheLinksTrackerNames() throws Exception {
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir()).start()) {
            swarm.awaitAnnounced("the libtorrent seed", now -> now.complete() >= 1, Duration.ofSeconds(30),
                    TestSwarm.logs(seed));
            get("tracker", magnet(trackerParameter()), seed);
        }
    }

    @Test
    void getFetchesTheMetadataFromTheLinksPeerAlone() throws Exception {
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir()).start()) {
            get("x.pe", magnet("&x.pe=127.0.0.1:" + seed.port()), seed);
        }
    }

    private void get(String how, String link, LibtorrentPeer seed) throws Exception {
        Path download = swarm.newDirectory("get-magnet-" + how.replace('.', '-'));
        long started = System.nanoTime();
        try (ShoalGet shoal = ShoalGet.get(link, download).base(work).port(OpenTracker.freePort()).seedRatio("0")
                .logLevel("info").start()) {
            String log = shoal.awaitStderr("the metadata received", RECEIVED.asPredicate(), WITHIN,
                    TestSwarm.logs(seed));
            double toMetadata = (System.nanoTime() - started) / 1e9;
            shoal.awaitSuccess(WITHIN, TestSwarm.logs(seed));
            System.out.printf("MagnetIT: shoal get of a %s magnet: metadata %s at %.1f s, complete (%s) at %.1f s,"
                    + " with JVM start; %s%n", how, received(log), toMetadata, ShoalGet.mib(swarm.size()),
                    (System.nanoTime() - started) / 1e9, shoal.summary().orElse("(no summary line)"));
        }
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    /**
     * {@code shoal add} hands the link to the running daemon while no peer has the torrent: the list
     * says {@code metadata}. A seed then dials Shoal and announces: metadata, then data. Restarted in
     * the middle, the daemon has the torrent from the kept {@code .torrent}, fetches nothing, completes.
     */
    @Test
    void theDaemonFetchesOnceAPeerComesAndKeepsTheMetadataOverARestart() throws Exception {
        Shoal shoal = new Shoal(work);
        ShoalCli cli = new ShoalCli(shoal);
        int peerPort = onLoopback(shoal);
        ShoalDaemon daemon = start(shoal, work);
        String hash = swarm.torrent().infoHash().substring(0, 8);
        Path download = swarm.newDirectory("daemon-magnet");

        Processes.Result added = shoal.run("add", magnet(trackerParameter()), "--dir", download.toString());
        assertEquals(0, added.exitCode(), () -> "shoal add of a magnet link\n" + added.describe() + daemon.output());
        System.out.println("MagnetIT: shoal add said: " + added.stdout().strip());
        String list = cli.ok("shoal:list");
        assertTrue(list.lines().skip(1).anyMatch(line -> line.contains("metadata")),
                () -> "no peer has it yet, so it fetches metadata:\n" + list);
        System.out.println("MagnetIT: shoal:list with no peer:\n" + list);

        long started = System.nanoTime();
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir())
                .uploadLimit((long) SEED_RATE_MIB << 20).connectTo(peerPort).start()) {
            ShoalCli.Info downloading = cli.awaitInfo(hash, "downloading", WITHIN,
                    info -> info.state().startsWith("downloading") && info.done() > 0,
                    () -> daemon.output() + TestSwarm.logs(seed).get());
            double toData = (System.nanoTime() - started) / 1e9;
            assertTrue(downloading.done() < 80, () -> "too late to restart in the middle: " + downloading);
            String firstLog = daemon.output();
            Matcher received = RECEIVED.matcher(firstLog);
            assertTrue(received.find(), () -> "the engine did not log the metadata's arrival:\n" + firstLog);
            // The restarted daemon's log must be able to say it fetched: the first one's does.
            assertTrue(firstLog.contains(FETCHING), () -> "the engine did not log its fetch:\n" + firstLog);

            assertEquals(0, daemon.terminate(Duration.ofSeconds(60)), daemon::output);
            ShoalDaemon again = start(shoal, work.resolve("restarted"));
            ShoalCli.Info back = cli.awaitInfo(hash, "back after the restart", STARTUP,
                    info -> !info.state().startsWith("metadata"), again::output);
            System.out.println("MagnetIT: right after the restart:\n" + back);
            assertFalse(again.output().contains(FETCHING), () -> "fetched the metadata again:\n" + again.output());

            cli.awaitInfo(hash, "complete", WITHIN, info -> info.done() == 100,
                    () -> again.output() + TestSwarm.logs(seed).get());
            System.out.printf("MagnetIT: daemon: metadata %s; downloading %.1f s after the seed started, complete"
                    + " (%s, seed capped at %d MiB/s, a restart between) at %.1f s%n", received.group(0), toData,
                    ShoalGet.mib(swarm.size()), SEED_RATE_MIB, (System.nanoTime() - started) / 1e9);
            assertFalse(again.output().contains(FETCHING), () -> "fetched the metadata again:\n" + again.output());
        }
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    /** Shoal seeds from the torrent file; libtorrent has the info-hash only and dials Shoal. */
    @Test
    void aLibtorrentLeecherWithTheInfoHashOnlyGetsTheMetadataAndTheDataFromShoal() throws Exception {
        Shoal shoal = new Shoal(work);
        int peerPort = onLoopback(shoal);
        seedFromTheTorrentFile(shoal, start(shoal, work));

        Path download = swarm.newDirectory("lt-magnet-leecher");
        long started = System.nanoTime();
        try (LibtorrentPeer leecher = LibtorrentPeer.leecher(swarm.torrent(), download).fromMagnet()
                .connectTo(peerPort).start()) {
            leechFromShoal("libtorrent from a bare magnet", started, leecher, status -> status.wanted() > 0);
        }
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    /** Shoal seeds from the torrent file; aria2 has the link with the tracker only and finds Shoal there. */
    @Test
    void anAria2LeecherWithTheInfoHashAndTrackerOnlyGetsTheMetadataAndTheDataFromShoal() throws Exception {
        Shoal shoal = new Shoal(work);
        onLoopback(shoal);
        ShoalDaemon daemon = start(shoal, work);
        seedFromTheTorrentFile(shoal, daemon);
        swarm.awaitAnnounced("Shoal seeding", now -> now.complete() >= 1, Duration.ofSeconds(30), daemon::output);

        Path download = swarm.newDirectory("aria2-magnet-leecher");
        long started = System.nanoTime();
        try (Aria2Peer leecher = Aria2Peer.leecher(swarm.torrent(), download).fromMagnet(swarm.httpAnnounce())
                .start()) {
            leechFromShoal("aria2 from a magnet with a tracker", started, leecher, status -> !status.metadata());
        }
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    /** Waits for the leecher's metadata, then its completion; prints the times since {@code started}. */
    private static <S extends RealPeer.Status> void leechFromShoal(String what, long started, RealPeer<S> leecher,
            Predicate<? super S> hasMetadata) {
        leecher.await("the metadata", WITHIN, hasMetadata);
        double toMetadata = (System.nanoTime() - started) / 1e9;
        leecher.awaitComplete(WITHIN);
        System.out.printf("MagnetIT: %s, Shoal the only seed: metadata at %.1f s, complete (%s) at %.1f s, with the"
                + " client's start%n", what, toMetadata, ShoalGet.mib(swarm.size()),
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Shoal seeds from the torrent file; Transmission has the link with the tracker only. It drops
     * loopback peers from the tracker, so it announces first and Shoal, added then, dials it. Once
     * it has the metadata, Transmission 3.00 restarts the torrent and closes every connection, and
     * will not dial Shoal (a loopback address) itself: the data flows only because Shoal dials a peer
     * that dropped it again after a short backoff, long before its next announce.
     */
    @Test
    void aTransmissionLeecherWithTheInfoHashAndTrackerOnlyGetsTheMetadataAndTheDataFromShoal() throws Exception {
        Shoal shoal = new Shoal(work);
        onLoopback(shoal);
        ShoalDaemon daemon = start(shoal, work);
        Path download = swarm.newDirectory("transmission-magnet-leecher");
        long started = System.nanoTime();
        try (TransmissionPeer leecher = TransmissionPeer.leecher(swarm.torrent(), download)
                .fromMagnet(swarm.httpAnnounce()).start()) {
            swarm.awaitAnnounced("the Transmission leecher", now -> now.incomplete() >= 1, Duration.ofSeconds(30),
                    TestSwarm.logs(leecher));
            seedFromTheTorrentFile(shoal, daemon);
            leecher.await("the metadata", WITHIN, status -> status.sizeWhenDone() > 0 && status.downloading());
            double toMetadata = (System.nanoTime() - started) / 1e9;
            leecher.awaitComplete(TRANSMISSION_WITHIN);
            System.out.printf("MagnetIT: Transmission from a magnet with a tracker, Shoal the only seed: metadata at"
                    + " %.1f s, complete (%s) at %.1f s, with Transmission's start%n", toMetadata,
                    ShoalGet.mib(swarm.size()), (System.nanoTime() - started) / 1e9);
        }
        // Transmission 3.00 does not create the zero-length file.
        swarm.assertDownloaded(download, SwarmData.Compare.EMPTY_FILES_MAY_BE_MISSING);
    }

    /** Adds the torrent file to the daemon with a copy of the swarm's data; returns once it seeds. */
    private void seedFromTheTorrentFile(Shoal shoal, ShoalDaemon daemon) throws Exception {
        Path shoalData = swarm.newDirectory("shoal-seed");
        SwarmData.copyTree(swarm.seedDir(), shoalData);
        ShoalCli cli = new ShoalCli(shoal);
        cli.ok("shoal:add", swarm.torrentFile().toString(), "--dir", shoalData.toString());
        cli.awaitInfo(swarm.torrent().infoHash().substring(0, 8), "seeding", WITHIN,
                info -> info.state().startsWith("seeding") && info.done() == 100, daemon::output);
    }

    /** Peers on 127.0.0.1 on a port the test knows; returns it. */
    private static int onLoopback(Shoal shoal) throws Exception {
        int port = OpenTracker.freePort();
        ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.peer",
                Map.of("listenAddress", "127.0.0.1", "port", String.valueOf(port)));
        return port;
    }

    private ShoalDaemon start(Shoal shoal, Path base) throws Exception {
        Files.createDirectories(base);
        ShoalDaemon daemon = ShoalDaemon.start(shoal, base, MAGNET_LOG);
        daemons.add(daemon);
        return daemon.awaitRemoteShell(STARTUP);
    }

    private static String received(String log) {
        Matcher m = RECEIVED.matcher(log);
        return m.find() ? "(" + m.group(1) + " bytes, " + m.group(2) + " ms after the fetch began)" : "?";
    }
}
