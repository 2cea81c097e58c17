package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.Processes;
import dev.shoal.test.support.SwarmData;

/**
 * Hot swap while a download runs. First every Shoal implementation bundle is stopped, updated (from
 * its freshly built jar) and started in turn through {@code shoal cli} — the shell, the watch folder,
 * the engine keeper, the trackers, the storage, the peer wire, the engine and the command line —
 * then the remote shell, which serves the very command that updates it; the download completes
 * byte-exact. Then, watched every 100 ms, the tracker, storage and peer bundles are updated one by
 * one and a peer setting changed: the torrent never leaves downloading, the engine never restarts,
 * the peers stay (or, for the peer wire, which owns the sockets, come back), trackers hear no
 * {@code stopped}, nothing is hashed again, and the download completes byte-exact. Last, the torrent
 * creator's bundle is stopped, updated and started under {@code shoal:create}, which stays.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class HotSwapIT {

    /** In swap order. Only the engine's own swap restarts it: it restores its torrent from the session and resume data. */
    private static final List<String> SWAPPED = List.of("dev.shoal.shell", "dev.shoal.watch", "dev.shoal.daemon",
            "dev.shoal.tracker", "dev.shoal.tracker.http", "dev.shoal.tracker.udp", "dev.shoal.udp", "dev.shoal.storage",
            "dev.shoal.peer", "dev.shoal.engine", "dev.shoal.cli");
    private static final Pattern BUNDLE = Pattern.compile("^\\s*(\\d+)\\|(\\w+)\\s*\\|\\s*\\d+\\|(\\S+)", Pattern.MULTILINE);
    /**
     * The seed's rate while the bundles are swapped: 256 MiB take over 4 minutes, so the download
     * outlasts the swaps even on a machine so busy that they take minutes (at 6 MiB/s a loaded CI
     * finished first); the limit is lifted after the last swap.
     */
    private static final int SWAP_SEED_RATE_MIB = 1;
    private static final Duration BACK_WITHIN = Duration.ofSeconds(60);
    /** The watched test's seed is slower, so the download outlasts the swaps on a busy machine. */
    private static final int WATCHED_SEED_RATE_MIB = 3;
    /** A liveness bound, not a figure: the gap measured is printed. */
    private static final Duration PEERS_BACK_WITHIN = Duration.ofSeconds(30);
    /** After a swap, how long the watch goes on before the next. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_CLASS, TestSwarm.Announce.HTTP)
            .withAnnounceLog();

    @TempDir
    Path work;

    /** The torrent as shoal:info takes it (the swarm is made before the test instance). */
    private final String hash = swarm.torrent().infoHash().substring(0, 8);
    private ShoalDaemon daemon;

    @AfterEach
    void stopDaemon() throws InterruptedException {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void everyShoalBundleSwappedWhileDownloadingAndTheDownloadCompletesByteExact() throws Exception {
        Shoal shoal = new Shoal(work);
        ShoalCli cli = startDaemon(shoal);
        Path download = swarm.newDirectory("hot-swap-download");
        StringBuilder commandLogs = new StringBuilder();
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir())
                .uploadLimit((long) SWAP_SEED_RATE_MIB << 20).start()) {
            cli.ok("shoal:add", swarm.torrentFile().toString(), "--dir", download.toString());
            cli.awaitInfo(hash, "downloading", BACK_WITHIN, info -> info.done() > 2,
                    () -> daemon.output() + TestSwarm.logs(seed).get());

            for (String name : SWAPPED) {
                long id = bundles(cli).get(name).id();
                long started = System.nanoTime();
                for (String[] command : List.of(new String[] {"stop", String.valueOf(id)},
                        new String[] {"update", String.valueOf(id), jarOf(name).toUri().toString()},
                        new String[] {"start", String.valueOf(id)})) {
                    Processes.Result result = cli.run(command);
                    assertEquals(0, result.exitCode(), result::describe);
                    // Gogo hands what a command's thread prints, logs included, to the session.
                    commandLogs.append(result.stderr());
                }
                ShoalCli.Info info = cli.awaitInfo(hash, "downloading again after swapping " + name, BACK_WITHIN,
                        i -> i.state().startsWith("downloading") || i.done() == 100, daemon::output);
                System.out.printf("HotSwapIT: %s (bundle %d) stopped, updated, started; downloading again after "
                        + "%d ms at %.1f%%%n", name, id, (System.nanoTime() - started) / 1_000_000, info.done());
            }
            long remote = bundles(cli).get("dev.shoal.remote").id();
            cli.run("update", String.valueOf(remote), jarOf("dev.shoal.remote").toUri().toString());
            ShoalCli.Info afterRemote = cli.awaitInfo(hash, "answering through the updated remote shell",
                    BACK_WITHIN, info -> true, daemon::output);
            System.out.printf("HotSwapIT: dev.shoal.remote updated through its own session; at %.1f%%%n",
                    afterRemote.done());
            assertTrue(afterRemote.done() < 100, "the download ended before the last swap: the test proves little");
            seed.uploadLimit(0);
            // The desktop window's bundle sits above the headless daemon's start level: installed, never started here.
            bundles(cli).forEach((name, bundle) -> {
                if (name.startsWith("dev.shoal.") && !name.equals("dev.shoal.ui.swt")) {
                    assertEquals("Active", bundle.state(), name + " is not active again");
                }
            });
            assertEquals("Resolved", bundles(cli).get("dev.shoal.ui.swt").state(), "a headless daemon opens no window");

            cli.awaitInfo(hash, "complete", Duration.ofSeconds(120), info -> info.done() == 100,
                    () -> daemon.output() + TestSwarm.logs(seed).get());
        }
        // The storage, the announcer and the peer wire are dynamic references of the engine: only
        // its own swap restarted it, and it restored its torrent from the session.
        String logs = daemon.output() + commandLogs;
        long restores = logs.lines().filter(line -> line.contains("EngineCore - restored 1 torrents")).count();
        System.out.println("HotSwapIT: the engine restored the torrent " + restores + " times");
        assertEquals(1, restores, () -> "the engine restored its torrent " + restores + " times, not only after its "
                + "own swap\n" + logs);
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    @Test
    void theTrackerStorageAndPeerBundlesUpdatedUnderAWatchedDownloadWhichNeverStops() throws Exception {
        Shoal shoal = new Shoal(work);
        ShoalCli cli = startDaemon(shoal);
        Path download = swarm.newDirectory("watched-swap-download");
        int announcedBefore = swarm.announces().size();
        List<String> gaps = new ArrayList<>();
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir())
                .uploadLimit((long) WATCHED_SEED_RATE_MIB << 20).start()) {
            cli.ok("shoal:add", swarm.torrentFile().toString(), "--dir", download.toString());
            cli.awaitInfo(hash, "downloading from the seed", BACK_WITHIN, info -> info.done() > 2 && info.peers() > 0,
                    () -> daemon.output() + TestSwarm.logs(seed).get());
            try (InfoWatch watch = InfoWatch.start(shoal.dataDir(), hash)) {
                for (String name : List.of("dev.shoal.tracker", "dev.shoal.storage")) {
                    long started = System.nanoTime();
                    update(cli, name);
                    // Long enough for the new bundle to take over what the old one held.
                    ShoalGet.sleep(SETTLE);
                    List<InfoWatch.Sample> during = watch.between(started, System.nanoTime());
                    long gap = InfoWatch.longestGapMillis(during, sample -> sample.peers() > 0);
                    gaps.add(name + ": peers gone for " + gap + " ms");
                    assertEquals(0, gap, () -> name + " updated: the peers went for " + gap + " ms\n" + during);
                }
                long peerSwap = System.nanoTime();
                update(cli, "dev.shoal.peer");
                cli.awaitInfo(hash, "with peers again after the peer wire's update", PEERS_BACK_WITHIN,
                        info -> info.peers() > 0, daemon::output);
                long peersBack = InfoWatch.longestGapMillis(watch.between(peerSwap, System.nanoTime()),
                        sample -> sample.peers() > 0);
                gaps.add("dev.shoal.peer: peers gone for " + peersBack + " ms (the bundle owns the sockets)");

                long configured = System.nanoTime();
                cli.ok("shoal:config", "dev.shoal.peer", "uploadSlots", "5");
                ShoalGet.sleep(SETTLE);
                long configGap = InfoWatch.longestGapMillis(watch.between(configured, System.nanoTime()),
                        sample -> sample.peers() > 0);
                gaps.add("dev.shoal.peer uploadSlots=5: peers gone for " + configGap + " ms");
                assertEquals(0, configGap, "a live setting changed: the peers went for " + configGap + " ms");

                ShoalCli.Info last = cli.info(hash);
                assertTrue(last.done() < 100, "the download ended before the last change: the test proves little");
                cli.awaitInfo(hash, "complete", Duration.ofSeconds(180), info -> info.done() == 100,
                        () -> daemon.output() + TestSwarm.logs(seed).get());
                gaps.forEach(gap -> System.out.println("HotSwapIT: " + gap));
                assertWatchedDownloadNeverStopped(watch.samples());
            }
        }
        String logs = daemon.output();
        assertLogged(logs, "SwarmComponent - peer settings applied live");
        assertEquals(1, logs.lines().filter(line -> line.contains("engine running")).count(),
                () -> "the engine was restarted\n" + logs);
        String replaced = logs.lines().filter(line -> line.contains("storage replaced")).findFirst()
                .orElseThrow(() -> new AssertionError("no storage replaced\n" + logs));
        System.out.println("HotSwapIT: " + replaced.substring(replaced.indexOf("storage replaced")));
        assertTrue(replaced.contains("RESUMED") && replaced.endsWith(" 0 hashed"),
                () -> "the new storage hashed pieces again: " + replaced);
        List<AnnounceLog.Announce> announces = swarm.announces().subList(announcedBefore, swarm.announces().size());
        System.out.println("HotSwapIT: Shoal's announces: " + announces.stream().filter(AnnounceLog.Announce::byShoal)
                .map(announce -> announce.event().isEmpty() ? "(regular)" : announce.event()).toList());
        assertTrue(announces.stream().filter(AnnounceLog.Announce::byShoal).noneMatch(a -> a.event().equals("stopped")),
                () -> "the trackers heard stopped during the swaps: " + announces);
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    @Test
    void theCreatorsBundleStoppedUpdatedAndStartedUnderShoalCreate() throws Exception {
        Shoal shoal = new Shoal(work);
        startDaemon(shoal);
        CreatorSwap swap = CreatorSwap.of(shoal, work, () -> daemon.output());
        String first = swap.creates("creating before the swap");
        swap.stop();
        swap.update();
        assertEquals(first, swap.start(), "the same content, the same torrent after the swap");
        String logs = daemon.output();
        assertFalse(logs.contains("Exception"), () -> "the swap logged an exception\n" + logs);
    }

    /** Every read answered, downloading (or done), its verified pieces never fewer than before. */
    private static void assertWatchedDownloadNeverStopped(List<InfoWatch.Sample> samples) {
        assertTrue(samples.size() > 50, "the watch read " + samples.size() + " times");
        int verified = 0;
        for (InfoWatch.Sample sample : samples) {
            assertTrue(sample.answered(), "shoal:info failed during the swaps");
            String state = sample.info().state();
            assertTrue(state.startsWith("downloading") || sample.info().done() == 100,
                    () -> "the torrent left downloading: " + sample.info());
            assertTrue(sample.verified() >= verified, () -> "verified pieces went down: " + sample.info());
            verified = sample.verified();
        }
        System.out.println("HotSwapIT: " + samples.size() + " reads of shoal:info, every one downloading");
    }

    /** A daemon of its own, its peers on loopback; the client to drive it. */
    private ShoalCli startDaemon(Shoal shoal) throws Exception {
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        daemon = ShoalDaemon.start(shoal, work).awaitRemoteShell(Duration.ofSeconds(60));
        return new ShoalCli(shoal);
    }

    private static void assertLogged(String logs, String line) {
        assertTrue(logs.contains(line), () -> "not logged: " + line + "\n" + logs);
    }

    /** {@code update ID JAR} through {@code shoal cli}: Felix stops the bundle, updates it and starts it again. */
    private static void update(ShoalCli cli, String name) throws Exception {
        long id = bundles(cli).get(name).id();
        long started = System.nanoTime();
        cli.ok("update", String.valueOf(id), jarOf(name).toUri().toString());
        System.out.printf("HotSwapIT: %s (bundle %d) updated in %d ms%n", name, id,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** One row of {@code lb -s}. */
    record Bundle(long id, String state) {
    }

    /** Symbolic name to bundle, from one {@code lb -s}. */
    static Map<String, Bundle> bundles(ShoalCli cli) {
        Map<String, Bundle> bundles = new HashMap<>();
        Matcher row = BUNDLE.matcher(cli.ok("lb", "-s"));
        while (row.find()) {
            bundles.put(row.group(3), new Bundle(Long.parseLong(row.group(1)), row.group(2)));
        }
        if (!bundles.containsKey("dev.shoal.engine")) {
            fail("lb -s lists no dev.shoal.engine:\n" + bundles);
        }
        return bundles;
    }

    /** The bundle's jar as the reactor built it: {@code bundles/NAME/target/NAME-VERSION.jar}. */
    static Path jarOf(String name) throws Exception {
        Path target = Shoal.launcherScript().toAbsolutePath().getParent().resolve("bundles").resolve(name)
                .resolve("target");
        try (var jars = Files.list(target)) {
            return jars.filter(jar -> jar.getFileName().toString().matches(Pattern.quote(name) + "-[0-9].*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no jar of " + name + " in " + target));
        }
    }
}
