package dev.shoal.distribution.it;

import static dev.shoal.distribution.it.RpcDaemon.PASSWORD;
import static dev.shoal.distribution.it.RpcDaemon.USER;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.Processes;
import dev.shoal.test.support.SystemProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shoal's Transmission RPC (dev.shoal.rpc on Felix HTTP's Jetty) in the real daemon, with
 * credentials on: Debian's {@code transmission-remote} 3.00 drives a download from a real libtorrent
 * seed, and moves data and sets labels that stay after a restart. {@link TransmissionRpcEdgesIT} tries
 * the protocol's edges.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TransmissionRpcIT {

    private static final Duration MOVES_WITHIN = Duration.ofSeconds(90);
    /** transmission-remote -l: id, done% (n/a before the size is known), ... name last. */
    private static final Pattern ROW = Pattern.compile("^\\s*(\\d+)\\*?\\s+(\\d+%|n/a)\\s.*\\s(\\S+)$");

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_CLASS, TestSwarm.Announce.HTTP);

    @TempDir
    Path work;

    private RpcDaemon rpc;

    @BeforeEach
    void daemonIn() {
        rpc = new RpcDaemon(work);
    }

    @AfterEach
    void stopDaemon() throws InterruptedException {
        rpc.close();
    }

    @Test
    void transmissionRemoteDrivesADownloadFromALibtorrentSeed() throws Exception {
        Path remote = SystemProgram.require("transmission-remote");
        Shoal shoal = rpc.start();
        ShoalCli cli = new ShoalCli(shoal);
        String served = cli.ok("shoal:rpc");
        assertTrue(served.contains("http://127.0.0.1:" + rpc.port() + "/transmission/rpc")
                && served.contains("credentials"), served);

        Processes.Result refused = Processes.run(List.of(remote.toString(), String.valueOf(rpc.port()), "-n",
                USER + ":wrong", "-l"), Duration.ofSeconds(30));
        assertAll(refused.describe(), () -> assertNotEquals(0, refused.exitCode(), "exit code"),
                () -> assertTrue((refused.stdout() + refused.stderr()).contains("401"), "says 401"));

        String info = tr(remote, "-si");
        assertTrue(info.contains("RPC version: 17") && info.contains("(Shoal "), info);

        tr(remote, "-d", "3000");
        String limits = cli.ok("shoal:limit");
        System.out.println("TransmissionRpcIT: after -d 3000, shoal:limit says " + limits.strip());
        assertTrue(limits.contains("down 2.9 MiB/s"), limits);

        Path download = swarm.newDirectory("rpc-download");
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir()).start()) {
            String added = tr(remote, "-a", swarm.torrentFile().toString(), "-w", download.toString());
            assertTrue(added.contains("success"), added);
            String name = swarm.torrent().name();
            String list = awaitList(remote, "downloading from the seed", rows -> rows.stream()
                    .anyMatch(r -> r.name().equals(name) && r.done() >= 3 && r.done() < 100));
            int id = row(list, name).orElseThrow().id();
            System.out.println("TransmissionRpcIT: transmission-remote -l while downloading:\n" + list);

            tr(remote, "-t", String.valueOf(id), "-S");
            cli.awaitOutput("paused", MOVES_WITHIN, out -> out.contains("paused"), rpc::output, "shoal:info",
                    String.valueOf(id));
            Row stopped = row(tr(remote, "-l"), name).orElseThrow();
            ShoalCli.Info shoalInfo = cli.info(String.valueOf(id));
            assertTrue(Math.abs(stopped.done() - shoalInfo.done()) <= 1.0,
                    () -> "-l says " + stopped + ", shoal:info says\n" + shoalInfo);
            assertTrue(stopped.line().contains("Stopped"), stopped.line());

            String details = tr(remote, "-t", String.valueOf(id), "-i");
            assertAll(details, () -> assertTrue(details.contains("Name: " + name), "name"),
                    () -> assertTrue(details.contains("Hash: " + swarm.torrent().infoHash()), "hash"),
                    () -> assertTrue(details.contains("State: Stopped"), "state"),
                    () -> assertTrue(details.contains("Location: " + download), "location"));

            // After -t, -d and -u are the torrent's limits; without, the session's.
            tr(remote, "-t", String.valueOf(id), "-u", "700");
            String torrentLimits = cli.ok("shoal:limit", String.valueOf(id));
            System.out.println("TransmissionRpcIT: after -t " + id + " -u 700, shoal:limit " + id + " says "
                    + torrentLimits.strip());
            assertTrue(torrentLimits.contains("up 684 KiB/s"), torrentLimits);
            tr(remote, "-D");
            String unlimited = cli.ok("shoal:limit");
            assertTrue(unlimited.contains("down unlimited"), unlimited);
            tr(remote, "-t", String.valueOf(id), "-s");
            awaitList(remote, "complete after the start", rows -> rows.stream()
                    .anyMatch(r -> r.name().equals(name) && r.done() == 100));

            String magnetHash = "0123456789abcdef0123456789abcdef01234567";
            String magnet = tr(remote, "-a", "magnet:?xt=urn:btih:" + magnetHash + "&dn=rpc-magnet", "-w",
                    swarm.newDirectory("rpc-magnet").toString());
            assertTrue(magnet.contains("success"), magnet);
            int magnetId = row(tr(remote, "-l"), "rpc-magnet").orElseThrow().id();
            tr(remote, "-t", String.valueOf(magnetId), "-r");
            assertTrue(row(tr(remote, "-l"), "rpc-magnet").isEmpty(), "the magnet is removed");

            tr(remote, "-t", String.valueOf(id), "--remove-and-delete");
            assertTrue(row(tr(remote, "-l"), name).isEmpty(), "the torrent is removed");
            try (Stream<Path> left = Files.list(download)) {
                assertEquals(List.of(), left.toList(), "its files are deleted");
            }
        }
        String stats = tr(remote, "-st");
        assertTrue(stats.contains("CURRENT SESSION") && stats.contains("Downloaded:"), stats);
        assertTrue(rpc.isAlive(), rpc.output());
    }

    @Test
    void transmissionRemoteMovesDataAndSetsLabelsWhichStayAfterARestart() throws Exception {
        Path remote = SystemProgram.require("transmission-remote");
        rpc.start();
        Path have = swarm.newDirectory("rpc-have");
        dev.shoal.test.support.SwarmData.copyTree(swarm.seedDir(), have);
        String name = swarm.torrent().name();
        assertTrue(tr(remote, "-a", swarm.torrentFile().toString(), "-w", have.toString()).contains("success"));
        awaitList(remote, "checked complete", rows -> rows.stream().anyMatch(r -> r.name().equals(name)
                && r.done() == 100));
        int id = row(tr(remote, "-l"), name).orElseThrow().id();

        Path moved = swarm.newDirectory("rpc-moved");
        tr(remote, "-t", String.valueOf(id), "--move", moved.toString());
        swarm.assertDownloaded(moved, dev.shoal.test.support.SwarmData.Compare.EXACT);
        assertFalse(Files.exists(have.resolve(name)), "gone from the old place");
        tr(remote, "-t", String.valueOf(id), "-L", "tv,hd");
        JsonNode before = torrentGet(id);
        System.out.println("TransmissionRpcIT: after --move and -L: " + before);
        assertAll(before.toString(), () -> assertEquals(moved.toString(), before.path("downloadDir").asText()),
                () -> assertEquals("[\"tv\",\"hd\"]", before.path("labels").toString()),
                () -> assertTrue(before.path("addedDate").asLong() > 0, "addedDate"),
                () -> assertTrue(before.path("doneDate").asLong() > 0, "doneDate"));
        tr(remote, "-t", String.valueOf(id), "-v");
        awaitList(remote, "verified at the new place", rows -> rows.stream().anyMatch(r -> r.name().equals(name)
                && r.done() == 100 && !r.line().contains("Verif")));

        rpc.close();
        rpc.start();
        JsonNode after = torrentGet(id);
        assertAll(after.toString(), () -> assertEquals(moved.toString(), after.path("downloadDir").asText()),
                () -> assertEquals(before.path("labels"), after.path("labels")),
                () -> assertEquals(before.path("addedDate"), after.path("addedDate")),
                () -> assertEquals(before.path("doneDate"), after.path("doneDate")));
        awaitList(remote, "seeding after the restart", rows -> rows.stream().anyMatch(r -> r.name().equals(name)
                && r.done() == 100));
    }

    /** One torrent's dates, labels and folder from torrent-get, through the session-id handshake. */
    private JsonNode torrentGet(int id) throws IOException, InterruptedException {
        return rpc.client().torrent(id, "labels", "addedDate", "doneDate", "downloadDir",
                "activityDate", "seedIdleMode");
    }

    private String tr(Path remote, String... args) {
        List<String> line = new ArrayList<>(List.of(remote.toString(), String.valueOf(rpc.port()), "-n",
                USER + ":" + PASSWORD));
        line.addAll(List.of(args));
        Processes.Result result = Processes.run(line, Duration.ofSeconds(60));
        assertEquals(0, result.exitCode(), () -> result.describe() + "\n" + rpc.output());
        return result.stdout();
    }

    private String awaitList(Path remote, String what, Predicate<List<Row>> goal) {
        long deadline = System.nanoTime() + MOVES_WITHIN.toNanos();
        String last = "";
        while (System.nanoTime() - deadline < 0) {
            last = tr(remote, "-l");
            if (goal.test(rows(last))) {
                return last;
            }
            ShoalGet.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("not " + what + " within " + MOVES_WITHIN.toSeconds() + " s; -l said:\n" + last
                + "\n" + rpc.output());
    }

    record Row(int id, int done, String name, String line) {
    }

    private static List<Row> rows(String list) {
        List<Row> rows = new ArrayList<>();
        for (String line : list.lines().toList()) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                int done = m.group(2).equals("n/a") ? -1 : Integer.parseInt(m.group(2).replace("%", ""));
                rows.add(new Row(Integer.parseInt(m.group(1)), done, m.group(3), line));
            }
        }
        return rows;
    }

    private static Optional<Row> row(String list, String name) {
        return rows(list).stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
