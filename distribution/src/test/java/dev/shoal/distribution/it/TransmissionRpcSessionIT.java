package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.Processes;
import dev.shoal.test.support.SystemProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Transmission RPC's session and torrent edits against the real daemon, with Debian's
 * {@code transmission-remote} 3.00 where it has the option: trackers added and removed
 * ({@code -td}, {@code -tr}), turtle mode ({@code -as}, {@code -asd}, {@code -asu}), speed limits and
 * the peer port kept across a restart, a torrent's absolute place in the queue, a live change of the
 * RPC's own port, and {@code --exit} (session-close) ending the daemon cleanly.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TransmissionRpcSessionIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_CLASS, TestSwarm.Announce.HTTP);

    @TempDir
    Path work;

    private RpcDaemon rpcDaemon;
    private ShoalDaemon daemon;
    private Shoal shoal;
    private ShoalCli cli;
    private RpcClient rpc;
    private int rpcPort;

    @AfterEach
    void stopDaemon() throws InterruptedException {
        if (rpcDaemon != null) {
            rpcDaemon.close();
        }
    }

    private void start() throws IOException {
        rpcDaemon = RpcDaemon.withoutCredentials(work);
        shoal = rpcDaemon.start();
        cli = new ShoalCli(shoal);
        started();
    }

    private void started() {
        daemon = rpcDaemon.daemon();
        rpcPort = rpcDaemon.port();
        rpc = rpcDaemon.client();
    }

    private String tr(String... args) {
        Path remote = SystemProgram.require("transmission-remote");
        List<String> line = new ArrayList<>(List.of(remote.toString(), String.valueOf(rpcPort)));
        line.addAll(List.of(args));
        Processes.Result result = Processes.run(line, Duration.ofSeconds(60));
        assertEquals(0, result.exitCode(), () -> result.describe() + "\n" + daemon.output());
        return result.stdout() + result.stderr();
    }

    private int add(Path torrentFile) throws IOException, InterruptedException {
        String metainfo = Base64.getEncoder().encodeToString(Files.readAllBytes(torrentFile));
        JsonNode added = rpc.ok("torrent-add", "{\"metainfo\":\"" + metainfo + "\",\"paused\":true}");
        return added.path("torrent-added").path("id").asInt();
    }

    @Test
    void trackersAreAddedAndRemovedWithTransmissionRemoteAndAQueuePlaceIsSet() throws Exception {
        start();
        int id = add(swarm.torrentFile());
        String before = rpc.torrent(id, "trackerList").path("trackerList").asText();
        String tracker = before.strip();
        assertEquals(tracker + "\n", before, "the torrent's one tracker");
        int addedPort = OpenTracker.freePort();
        String added = "udp://127.0.0.1:" + addedPort + "/announce";

        // transmission-remote prints nothing for -td; it exits 1 with the error when the result is not success.
        tr("-t", String.valueOf(id), "-td", added);
        JsonNode after = rpc.torrent(id, "trackerList", "trackerStats");
        System.out.println("TransmissionRpcSessionIT: after -td: " + after);
        assertEquals(tracker + "\n\n" + added + "\n", after.path("trackerList").asText(),
                "the added tracker in a tier of its own");
        String listed = tr("-t", String.valueOf(id), "-it");
        System.out.println("TransmissionRpcSessionIT: -it:\n" + listed);
        assertTrue(listed.contains("Tracker 1: 127.0.0.1:" + addedPort), listed);

        tr("-t", String.valueOf(id), "-tr", "0");
        assertEquals(added + "\n", rpc.torrent(id, "trackerList").path("trackerList").asText(), "tracker 0 removed");
        String unknown = rpc.refused("torrent-set", "{\"ids\":[" + id + "],\"trackerRemove\":[5]}");
        assertTrue(unknown.contains("no tracker with id 5"), unknown);
        String bad = rpc.refused("torrent-set", "{\"ids\":[" + id + "],\"trackerAdd\":[\"ftp://x.example/\"]}");
        assertTrue(bad.contains("not an http, https or udp announce URL"), bad);
        rpc.ok("torrent-set", "{\"ids\":[" + id + "],\"trackerList\":\"" + tracker + "\\n\"}");
        assertEquals(tracker + "\n", rpc.torrent(id, "trackerList").path("trackerList").asText());
        assertTrue(rpc.torrent(id, "editDate").path("editDate").asLong() > 0, "editDate set by the edits");

        Path content = Files.writeString(work.resolve("second.txt"), "a second torrent for the queue\n");
        Path second = work.resolve("second.torrent");
        Processes.Result created = shoal.run("create", content.toString(), "-o", second.toString());
        assertEquals(0, created.exitCode(), created.describe());
        int other = add(second);
        assertEquals(1, rpc.torrent(other, "queuePosition").path("queuePosition").asInt());
        rpc.ok("torrent-set", "{\"ids\":[" + other + "],\"queuePosition\":0}");
        awaitRpc("the second torrent first in the queue", () -> rpc.torrent(other, "queuePosition")
                .path("queuePosition").asInt() == 0 && rpc.torrent(id, "queuePosition").path("queuePosition").asInt() == 1);
        rpc.ok("torrent-set", "{\"ids\":[" + other + "],\"queuePosition\":99}");
        awaitRpc("the second torrent last again", () -> rpc.torrent(other, "queuePosition")
                .path("queuePosition").asInt() == 1);
        String negative = rpc.refused("torrent-set", "{\"ids\":[" + other + "],\"queuePosition\":-1}");
        assertTrue(negative.contains("queuePosition"), negative);
    }

    @Test
    void turtleModeSpeedLimitsAndThePeerPortAreKeptAcrossARestart() throws Exception {
        start();
        tr("-d", "3000", "-u", "500");
        tr("-asd", "100", "-asu", "40");
        tr("-as");
        JsonNode session = rpc.ok("session-get", "{}");
        System.out.println("TransmissionRpcSessionIT: session-get in turtle mode: " + session);
        assertTurtle(session);
        // The engine applies its configuration asynchronously: its limits become the alternative ones.
        cli.awaitOutput("the alternative limits in force", WITHIN, out -> out.contains("down 98") && out.contains("up 39"),
                daemon::output, "shoal:limit");
        int peerPort = OpenTracker.freePort();
        rpc.ok("session-set", "{\"peer-port\":" + peerPort + "}");
        assertEquals(peerPort, rpc.ok("session-get", "{\"fields\":[\"peer-port\"]}").path("peer-port").asInt());
        String zero = rpc.refused("session-set", "{\"alt-speed-down\":0}");
        assertTrue(zero.contains("at least 1"), zero);
        String scheduler = rpc.refused("session-set", "{\"alt-speed-time-enabled\":true}");
        assertTrue(scheduler.contains("not supported"), scheduler);

        assertEquals(0, daemon.terminate(Duration.ofSeconds(30)), daemon::output);
        rpcDaemon.restart();
        started();
        JsonNode back = rpc.ok("session-get", "{}");
        System.out.println("TransmissionRpcSessionIT: session-get after the restart: " + back);
        assertTurtle(back);
        assertEquals(peerPort, back.path("peer-port").asInt(), "the peer port kept");
        cli.awaitOutput("the alternative limits in force after the restart", WITHIN,
                out -> out.contains("down 98") && out.contains("up 39"), daemon::output, "shoal:limit");

        tr("-AS");
        cli.awaitOutput("the speed limits in force again", WITHIN,
                out -> out.contains("down 2.9 MiB/s") && out.contains("up 488"), daemon::output, "shoal:limit");
        JsonNode normal = rpc.ok("session-get", "{}");
        assertAll(normal.toString(), () -> assertFalse(normal.path("alt-speed-enabled").asBoolean(true)),
                () -> assertEquals(3000, normal.path("speed-limit-down").asInt()),
                () -> assertEquals(500, normal.path("speed-limit-up").asInt()));
    }

    private static void assertTurtle(JsonNode session) {
        assertAll(session.toString(), () -> assertTrue(session.path("alt-speed-enabled").asBoolean(), "turtle on"),
                () -> assertEquals(100, session.path("alt-speed-down").asInt()),
                () -> assertEquals(40, session.path("alt-speed-up").asInt()),
                () -> assertTrue(session.path("speed-limit-down-enabled").asBoolean(), "down limit kept"),
                () -> assertEquals(3000, session.path("speed-limit-down").asInt()),
                () -> assertEquals(500, session.path("speed-limit-up").asInt()),
                () -> assertFalse(session.path("alt-speed-time-enabled").asBoolean(true), "no scheduler"));
    }

    @Test
    void theRpcMovesToANewPortLiveAndSessionCloseEndsTheDaemon() throws Exception {
        start();
        int newPort = OpenTracker.freePort();
        cli.ok("shoal:config", "dev.shoal.rpc", "port", String.valueOf(newPort));
        rpcDaemon.movedTo(newPort);
        started();
        rpc.awaitServlet(STARTUP, daemon::output);
        assertTrue(rpc.ok("session-get", "{\"fields\":[\"version\"]}").path("version").asText().contains("Shoal"));
        String rpcSays = cli.ok("shoal:rpc");
        assertTrue(rpcSays.contains(":" + newPort + "/"), rpcSays);
        String portTest = rpc.refused("port-test", "{}");
        System.out.println("TransmissionRpcSessionIT: port-test: " + portTest);
        assertTrue(portTest.contains("does not probe its port from outside"), portTest);

        String said = tr("--exit");
        System.out.println("TransmissionRpcSessionIT: transmission-remote --exit: " + said.strip());
        int status = daemon.awaitExit(Duration.ofSeconds(30));
        String output = daemon.output();
        assertAll(output, () -> assertEquals(0, status, "exit status"),
                () -> assertFalse(ProcessHandle.of(daemon.pid()).map(ProcessHandle::isAlive).orElse(false), "gone"),
                () -> assertFalse(Files.exists(shoal.dataDir().resolve("remote.port")), "remote.port is gone"),
                () -> assertTrue(output.contains("session-close: Shoal stops"), "said why"),
                () -> assertFalse(output.contains("Exception"), "no exception in the output"));
    }

    private void awaitRpc(String what, RpcCheck goal) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!goal.holds()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not " + what + " within " + WITHIN + "\n" + daemon.output());
            }
            ShoalGet.sleep(Duration.ofMillis(200));
        }
    }

    /** A check that may call the RPC. */
    private interface RpcCheck {
        boolean holds() throws IOException, InterruptedException;
    }
}
