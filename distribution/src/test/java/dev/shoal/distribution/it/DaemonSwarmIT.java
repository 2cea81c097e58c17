package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.SwarmData;

/**
 * The daemon driven only through {@code shoal cli}, in a real swarm: a libtorrent seed capped at
 * {@value #SEED_RATE_MIB} MiB/s and a libtorrent leecher over opentracker. The torrent is added by
 * file; {@code shoal:info} and {@code shoal:list} show progress, peers and ratio moving; pause stops
 * it, resume starts it; the daemon is stopped (SIGTERM) in the middle and started again: the torrent
 * comes back from its resume data without a full recheck and completes byte-exact; {@code remove
 * --delete-data} deletes its files and nothing else.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DaemonSwarmIT {

    private static final int SEED_RATE_MIB = 8;
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration MOVES_WITHIN = Duration.ofSeconds(60);
    /** The engine says how each startup check went at debug level; the test reads it. */
    private static final String CHECK_LOG = "-Dorg.slf4j.simpleLogger.log.dev.shoal.engine.internal.TorrentRuntime=debug";

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_CLASS, TestSwarm.Announce.HTTP);

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
    void addWatchPauseResumeRestartCompleteAndRemoveWithItsFiles() throws Exception {
        Shoal shoal = new Shoal(work);
        ShoalCli cli = new ShoalCli(shoal);
        Path download = swarm.newDirectory("daemon-download");
        Path unrelated = Files.writeString(download.resolve("not-from-the-torrent.txt"), "keep me\n");
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        ShoalDaemon daemon = start(shoal, work);
        String hash = swarm.torrent().infoHash().substring(0, 8);

        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir())
                .uploadLimit((long) SEED_RATE_MIB << 20).start();
                LibtorrentPeer leecher = LibtorrentPeer.leecher(swarm.torrent(), swarm.newDirectory("lt-leecher"))
                        .start()) {
            String added = cli.ok("shoal:add", swarm.torrentFile().toString(), "--dir", download.toString());
            System.out.println("DaemonSwarmIT: shoal:add said: " + added.strip());

            // Progress, peers and ratio move, as info and list show them.
            ShoalCli.Info early = cli.awaitInfo(hash, "downloading from a peer", MOVES_WITHIN,
                    info -> info.done() > 5 && info.peers() >= 1, () -> daemon.output() + TestSwarm.logs(seed).get());
            ShoalCli.Info later = cli.awaitInfo(hash, "further along, uploading too", MOVES_WITHIN,
                    info -> info.done() > early.done() + 5 && info.ratio() > 0,
                    () -> daemon.output() + TestSwarm.logs(seed, leecher).get());
            String list = cli.ok("shoal:list");
            System.out.println("DaemonSwarmIT: shoal:list while downloading:\n" + list);
            String row = list.lines().filter(line -> line.contains(swarm.torrent().name())).findFirst().orElse("");
            assertTrue(row.contains("downloading") && row.contains("%"), () -> "no downloading row:\n" + list);
            assertEquals(1, cli.ok("shoal:list | grep " + swarm.torrent().name()).lines().count(),
                    "shoal:list | grep NAME keeps the one row");
            System.out.printf("DaemonSwarmIT: done %.1f%% -> %.1f%%, ratio %.2f -> %.2f, peers %d -> %d%n",
                    early.done(), later.done(), early.ratio(), later.ratio(), early.peers(), later.peers());

            // Pause holds it; resume moves it again.
            cli.ok("shoal:pause", hash);
            ShoalCli.Info paused = cli.awaitInfo(hash, "paused", MOVES_WITHIN,
                    info -> info.state().startsWith("paused") && info.peers() == 0, daemon::output);
            ShoalGet.sleep(Duration.ofSeconds(2));
            assertEquals(paused.done(), cli.info(hash).done(), "a paused torrent does not move");
            cli.ok("shoal:resume", hash);
            ShoalCli.Info resumed = cli.awaitInfo(hash, "moving again after resume", MOVES_WITHIN,
                    info -> info.state().startsWith("downloading") && info.done() > paused.done(),
                    () -> daemon.output() + TestSwarm.logs(seed).get());

            // Stopped in the middle and started again: back from its resume data, not rehashed.
            assertTrue(resumed.done() < 90, () -> "too late to restart in the middle: " + resumed);
            assertEquals(0, daemon.terminate(Duration.ofSeconds(60)), daemon::output);
            ShoalDaemon again = start(shoal, work.resolve("restarted"));
            ShoalCli.Info back = cli.awaitInfo(hash, "answering after the restart", STARTUP, info -> true,
                    again::output);
            System.out.println("DaemonSwarmIT: right after the restart:\n" + back);
            assertTrue(back.done() >= resumed.done(), () -> "lost verified data over the restart: " + back);
            String restartLog = again.output();
            assertTrue(restartLog.contains("checked (RESUMED)"), () -> "no resume from resume data:\n" + restartLog);
            assertFalse(Pattern.compile("checked \\((?!RESUMED)").matcher(restartLog).find(),
                    () -> "a full recheck after the restart:\n" + restartLog);

            cli.awaitInfo(hash, "complete", Duration.ofSeconds(90), info -> info.done() == 100,
                    () -> again.output() + TestSwarm.logs(seed).get());
            swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
            System.out.println("DaemonSwarmIT: complete:\n" + cli.info(hash));

            // Remove with its files: the torrent's files go, nothing else does.
            cli.ok("shoal:remove", "--delete-data", hash);
            Path top = download.resolve(swarm.torrent().name());
            long deadline = System.nanoTime() + MOVES_WITHIN.toNanos();
            while (Files.exists(top) && System.nanoTime() - deadline < 0) {
                ShoalGet.sleep(Duration.ofMillis(200));
            }
            assertFalse(Files.exists(top), () -> top + " is still there after remove --delete-data\n" + again.output());
            String after = cli.ok("shoal:list");
            assertAll(
                    () -> assertFalse(after.contains(swarm.torrent().name()), () -> "still listed:\n" + after),
                    () -> assertTrue(Files.isRegularFile(unrelated), "a file not from the torrent was deleted"),
                    () -> assertTrue(Files.isDirectory(download), "the download folder itself was deleted"),
                    () -> assertTrue(Files.isDirectory(swarm.seedDir()), "the seed's data was touched"));
        }
    }

    private ShoalDaemon start(Shoal shoal, Path base) {
        ShoalDaemon daemon = ShoalDaemon.start(shoal, base, CHECK_LOG);
        daemons.add(daemon);
        return daemon.awaitRemoteShell(STARTUP);
    }
}
