package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Hot swap while a download runs: through {@code shoal cli}, Gogo's {@code stop}, {@code update}
 * (from the bundle's freshly built jar) and {@code start} each of Shoal's implementation bundles in
 * turn — the shell, the watch folder, the engine keeper, the trackers, the storage, the peer wire,
 * the engine and the command line — then the remote shell, which serves the very command that
 * updates it. The download completes byte-exact.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class HotSwapIT {

    /** In swap order. Stopping the storage, the trackers, the peer wire or the engine stops the
     *  engine's torrents (its references are static); they come back from the session and resume data. */
    private static final List<String> SWAPPED = List.of("dev.shoal.shell", "dev.shoal.watch", "dev.shoal.daemon",
            "dev.shoal.tracker", "dev.shoal.tracker.http", "dev.shoal.tracker.udp", "dev.shoal.storage",
            "dev.shoal.peer", "dev.shoal.engine", "dev.shoal.cli");
    private static final Pattern BUNDLE = Pattern.compile("^\\s*(\\d+)\\|(\\w+)\\s*\\|\\s*\\d+\\|(\\S+)", Pattern.MULTILINE);
    private static final int SEED_RATE_MIB = 6;
    private static final Duration BACK_WITHIN = Duration.ofSeconds(60);

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_CLASS, TestSwarm.Announce.HTTP);

    @TempDir
    Path work;

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
        ShoalCli cli = new ShoalCli(shoal);
        Path download = swarm.newDirectory("hot-swap-download");
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        daemon = ShoalDaemon.start(shoal, work).awaitRemoteShell(Duration.ofSeconds(60));
        String hash = swarm.torrent().infoHash().substring(0, 8);
        StringBuilder commandLogs = new StringBuilder();
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir())
                .uploadLimit((long) SEED_RATE_MIB << 20).start()) {
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
        // The storage, the announcer, the peer wire and the engine are static references of the
        // engine: each of those swaps restarted it, and it restored its torrent from the session.
        String logs = daemon.output() + commandLogs;
        long restores = logs.lines().filter(line -> line.contains("EngineComponent - restored 1 torrents")).count();
        System.out.println("HotSwapIT: the engine restored the torrent " + restores + " times");
        assertTrue(restores >= 4, () -> "the engine restored its torrent " + restores + " times, not after each of "
                + "the storage, tracker, peer and engine swaps\n" + logs);
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    /** One row of {@code lb -s}. */
    private record Bundle(long id, String state) {
    }

    /** Symbolic name to bundle, from one {@code lb -s}. */
    private static Map<String, Bundle> bundles(ShoalCli cli) {
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
    private static Path jarOf(String name) throws Exception {
        Path target = Shoal.launcherScript().toAbsolutePath().getParent().resolve("bundles").resolve(name)
                .resolve("target");
        try (var jars = Files.list(target)) {
            return jars.filter(jar -> jar.getFileName().toString().matches(Pattern.quote(name) + "-[0-9].*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no jar of " + name + " in " + target));
        }
    }
}
