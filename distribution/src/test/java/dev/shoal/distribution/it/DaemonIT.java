package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shoal.test.support.Processes;

/**
 * {@code shoal daemon} without a terminal and {@code shoal cli} talking to it: a command and its
 * output, a failing command, a wrong token, a second daemon, and SIGTERM.
 */
class DaemonIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private ShoalDaemon daemon;

    @AfterEach
    void stopDaemon() throws InterruptedException {
        if (daemon != null) {
            daemon.close();
        }
    }

    private Shoal startDaemon() {
        Shoal shoal = new Shoal(work);
        daemon = ShoalDaemon.start(shoal, work).awaitRemoteShell(STARTUP);
        return shoal;
    }

    @Test
    void cliRunsAGogoCommandInTheDaemon() {
        Shoal shoal = startDaemon();
        long start = System.nanoTime();
        Processes.Result result = shoal.run("cli", "lb");
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("shoal cli lb took " + millis + " ms");
        assertAll(result.describe() + "\n" + daemon.output(),
                () -> assertEquals(0, result.exitCode(), "exit code"),
                () -> assertTrue(result.stdout().contains("dev.shoal.remote"), "lists the bundles"),
                () -> assertTrue(result.stdout().contains("Active"), "with their states"),
                () -> assertEquals("", result.stderr(), "stderr"));
    }

    @Test
    void aFailingCommandIsOneLineAndNonZero() {
        Shoal shoal = startDaemon();
        Processes.Result result = shoal.run("cli", "nosuchcommand");
        assertAll(result.describe(),
                () -> assertEquals(1, result.exitCode(), "exit code"),
                () -> assertEquals("", result.stdout(), "stdout"),
                () -> assertEquals(1, result.stderr().lines().count(), "one line"),
                () -> assertTrue(result.stderr().contains("nosuchcommand"), "names the command"),
                () -> assertFalse(result.stderr().contains("\tat "), "no stack trace"));
    }

    @Test
    void aWrongTokenIsRefused() throws IOException {
        Shoal shoal = startDaemon();
        Path token = shoal.dataDir().resolve("remote.token");
        Files.writeString(token, "0".repeat(64) + "\n");
        Processes.Result result = shoal.run("cli", "lb");
        assertAll(result.describe(),
                () -> assertEquals(1, result.exitCode(), "exit code"),
                () -> assertEquals("", result.stdout(), "stdout"),
                () -> assertEquals("shoal: wrong token\n", result.stderr(), "stderr"));
    }

    @Test
    void aSecondDaemonForTheSameDataDirectoryIsRefused() {
        Shoal shoal = startDaemon();
        Processes.Result second = shoal.run("daemon");
        assertAll(second.describe(),
                () -> assertEquals(1, second.exitCode(), "exit code"),
                () -> assertEquals("shoal: Shoal is already running for data directory " + shoal.dataDir() + "\n",
                        second.stderr(), "stderr"));
        assertEquals(0, shoal.run("cli", "lb").exitCode(), "the first one still answers");
    }

    @Test
    void sigtermStopsTheDaemonCleanly() throws InterruptedException {
        Shoal shoal = startDaemon();
        int status = daemon.terminate(Duration.ofSeconds(30));
        String output = daemon.output();
        assertAll(output,
                () -> assertEquals(0, status, "exit status"),
                () -> assertFalse(Files.exists(shoal.dataDir().resolve("remote.port")), "remote.port is gone"),
                () -> assertFalse(output.contains("Exception"), "no exception in the output"));
        Processes.Result cli = shoal.run("cli", "lb");
        assertEquals("shoal: no Shoal is running for data directory " + shoal.dataDir()
                + " (start one with ./shoal daemon)\n", cli.stderr(), cli.describe());
    }

    @Test
    void stoppingTheFrameworkFromTheShellEndsTheDaemon() throws InterruptedException {
        Shoal shoal = startDaemon();
        Processes.Result stop = shoal.run("cli", "stop", "0");
        int status = daemon.awaitExit(Duration.ofSeconds(30));
        String output = stop.describe() + "\n" + daemon.output();
        assertAll(output,
                () -> assertEquals(0, status, "exit status"),
                () -> assertFalse(Files.exists(shoal.dataDir().resolve("remote.port")), "remote.port is gone"),
                () -> assertFalse(output.contains("Exception"), "no exception in the output"));
    }

    @Test
    void addHandsTheTorrentToTheRunningDaemon() throws IOException {
        Shoal shoal = startDaemon();
        Path content = Files.createDirectories(work.resolve("content"));
        Files.write(content.resolve("handed.bin"), new byte[50_000]);
        Path torrent = work.resolve("handed.torrent");
        assertEquals(0, shoal.run("create", content.resolve("handed.bin").toString(), "-o", torrent.toString())
                .exitCode());
        Processes.Result add = shoal.run("add", torrent.toString(), "--dir", content.toString(), "--paused");
        Processes.Result list = shoal.run("cli", "shoal:list");
        assertAll(add.describe() + "\n" + list.describe() + "\n" + daemon.output(),
                () -> assertEquals(0, add.exitCode(), "exit code of add"),
                () -> assertTrue(add.stdout().contains("added"), "add says what it did"),
                () -> assertTrue(list.stdout().contains("handed.bin") && list.stdout().contains("paused"),
                        "the daemon has it, paused"));
    }

    @Test
    void addWithNoShoalRunningBecomesTheDaemonAndAddsTheTorrent() throws IOException {
        Shoal shoal = new Shoal(work);
        Path content = Files.createDirectories(work.resolve("content"));
        Files.write(content.resolve("first.bin"), new byte[70_000]);
        Path torrent = work.resolve("first.torrent");
        assertEquals(0, shoal.run("create", content.resolve("first.bin").toString(), "-o", torrent.toString())
                .exitCode());
        // With options, the torrent goes through the new daemon's own shell once its commands are up.
        daemon = ShoalDaemon.launchWith(shoal, work, List.of("add", torrent.toString(), "--dir", content.toString(),
                "--paused")).awaitRemoteShell(STARTUP);
        ShoalCli cli = new ShoalCli(shoal);
        String list = cli.awaitOutput("listing the torrent added", STARTUP, out -> out.contains("first.bin"),
                daemon::output, "shoal:list");
        assertTrue(list.contains("paused"), () -> "added paused, as asked:\n" + list + "\n" + daemon.output());
        String info = cli.ok("shoal:info", "1");
        assertTrue(info.contains(content.toString()), () -> "in the folder asked for:\n" + info);
    }

    /**
     * The README's flow from a script: two {@code shoal cli} calls, each its own shell session, the
     * second fetching a hit of the first's search.
     */
    @Test
    void fetchInALaterCliCallAddsAHitOfTheLastSearch() throws IOException {
        Shoal shoal = new Shoal(work);
        Path shelf = Files.createDirectories(work.resolve("shelf"));
        Path content = Files.createDirectories(work.resolve("content"));
        Files.write(content.resolve("shelved-release.iso"), new byte[60_000]);
        assertEquals(0, shoal.run("create", content.resolve("shelved-release.iso").toString(), "-o",
                shelf.resolve("shelved-release.torrent").toString()).exitCode());
        ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.search.local", Map.of("folders", shelf.toString()));
        daemon = ShoalDaemon.start(shoal, work).awaitRemoteShell(STARTUP);
        ShoalCli cli = new ShoalCli(shoal);
        String found = cli.awaitOutput("the local provider finding the shelved torrent", STARTUP,
                out -> out.contains("shelved-release"), daemon::output, "shoal:search", "shelved");
        Processes.Result fetch = shoal.run("cli", "shoal:fetch", "1", "--dir", content.toString(), "--paused");
        String list = cli.ok("shoal:list");
        assertAll(found + "\n" + fetch.describe() + "\n" + list + "\n" + daemon.output(),
                () -> assertEquals(0, fetch.exitCode(), "exit code of fetch"),
                () -> assertTrue(list.contains("shelved-release.iso") && list.contains("paused"),
                        "the daemon has the fetched hit, paused"));
    }

    @Test
    void cliWithNoDaemonSaysSo() {
        Shoal shoal = new Shoal(work);
        Processes.Result result = shoal.run("cli", "lb");
        assertAll(result.describe(),
                () -> assertEquals(1, result.exitCode(), "exit code"),
                () -> assertEquals("shoal: no Shoal is running for data directory " + shoal.dataDir()
                        + " (start one with ./shoal daemon)\n", result.stderr(), "stderr"));
    }
}
