package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.Processes;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar shoal.jar daemon} in the background, without a terminal (stdin from /dev/null,
 * output to files under its base folder, readable at any time). Every wait is bounded and fails with
 * its output; {@link #close()} kills it, and so does the end of the test JVM.
 */
final class ShoalDaemon implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);

    /**
     * The commands the tests use, which the remote shell can answer without while the bundles that
     * register them are still starting (Gogo's, the shell's, the creator's): one line, so one JVM.
     */
    private static final String COMMANDS_READY =
            "type lb ; type stop ; type shoal:list ; type shoal:add ; type shoal:create";

    private final Process process;
    private final Shoal shoal;
    private final Path dataDir;
    private final Path stdout;
    private final Path stderr;
    private final Thread killOnExit;

    private ShoalDaemon(Process process, Shoal shoal, Path stdout, Path stderr) {
        this.process = process;
        this.shoal = shoal;
        this.dataDir = shoal.dataDir();
        this.stdout = stdout;
        this.stderr = stderr;
        this.killOnExit = new Thread(process::destroyForcibly, "shoal-daemon-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the daemon of {@code shoal}'s data directory, its temp folder and output files in
     * {@code base}; {@code jvmOptions} go before {@code -jar}. A restarted daemon appends to the same
     * output files.
     */
    static ShoalDaemon start(Shoal shoal, Path base, String... jvmOptions) {
        return launch(shoal, base, Map.of(), List.of(jvmOptions), List.of("daemon"));
    }

    /**
     * Starts the desktop ({@code shoal --data-dir D}, no command) on X display {@code display}, as
     * {@link #start} otherwise, with the {@code ui:} driver installed ({@link #installUiDriver}).
     */
    static ShoalDaemon startDesktop(Shoal shoal, Path base, String display, String... jvmOptions) {
        installUiDriver(shoal.dataDir());
        return launch(shoal, base, Map.of("DISPLAY", display), List.of(jvmOptions), List.of());
    }

    /** Runs {@code shoal COMMAND... --data-dir D} that is to become the daemon (e.g. {@code add} when none runs). */
    static ShoalDaemon launchWith(Shoal shoal, Path base, List<String> command) {
        return launch(shoal, base, Map.of(), List.of(), command);
    }

    /**
     * Starts the desktop with torrents to open, as a file manager or a browser does when no Shoal
     * runs: {@code shoal TARGET... --data-dir D} on X display {@code display}.
     */
    static ShoalDaemon openInDesktop(Shoal shoal, Path base, String display, List<String> targets) {
        installUiDriver(shoal.dataDir());
        return launch(shoal, base, Map.of("DISPLAY", display), List.of(), targets);
    }

    /**
     * Puts the {@code ui:} commands' fragment (dev.shoal.ui.swt.driver, which no shoal.jar carries) into
     * {@code <data dir>/plugins/}. Before the first start, FileInstall installs it while it starts, long
     * before the framework reaches the window's start level, so the fragment is attached when the
     * window's bundle starts.
     */
    static void installUiDriver(Path dataDir) {
        String property = System.getProperty("shoal.ui.driver");
        if (property == null || property.isBlank()) {
            fail("system property shoal.ui.driver is not set: run the ITs with 'mvn verify -pl distribution -am'");
        }
        Path driver = Path.of(property);
        if (!Files.isRegularFile(driver)) {
            fail(driver + " does not exist: build bundles/dev.shoal.ui.swt.driver with the distribution (-am)");
        }
        try {
            Path plugins = Files.createDirectories(dataDir.resolve("plugins"));
            Files.copy(driver, plugins.resolve("dev.shoal.ui.swt.driver.jar"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ShoalDaemon launch(Shoal shoal, Path base, Map<String, String> env, List<String> jvmOptions,
            List<String> command) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path tmp = base.resolve("daemon-tmp");
        Path stdout = base.resolve("daemon.out");
        Path stderr = base.resolve("daemon.err");
        List<String> line = new ArrayList<>(List.of(java.toString(), "-Djava.io.tmpdir=" + tmp));
        line.addAll(jvmOptions);
        line.addAll(List.of("-jar", Shoal.jar().toString()));
        line.addAll(command);
        line.addAll(List.of("--data-dir", shoal.dataDir().toString()));
        try {
            Files.createDirectories(tmp);
            ProcessBuilder builder = new ProcessBuilder(line)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
            builder.environment().putAll(env);
            return new ShoalDaemon(builder.start(), shoal, stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the remote shell has published its port and answers with the commands the tests use
     * (a test of a command is not a test of how soon after the start it is registered).
     */
    ShoalDaemon awaitRemoteShell(Duration timeout) {
        Path port = dataDir.resolve("remote.port");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(port)) {
            failIfGoneOrLate(deadline, timeout, "no " + port);
            sleep(POLL);
        }
        Processes.Result ready = shoal.run("cli", COMMANDS_READY);
        // Gogo's type says "type: NAME not found." on stderr, and exits 0.
        while (ready.exitCode() != 0 || ready.stderr().contains("not found")) {
            failIfGoneOrLate(deadline, timeout, "the shell's commands not there\n" + ready.describe());
            sleep(Duration.ofMillis(250));
            ready = shoal.run("cli", COMMANDS_READY);
        }
        return this;
    }

    private void failIfGoneOrLate(long deadline, Duration timeout, String what) {
        if (!process.isAlive()) {
            fail("the daemon exited with " + process.exitValue() + " before its remote shell started\n" + output());
        }
        if (System.nanoTime() - deadline > 0) {
            fail(what + " after " + timeout.toSeconds() + " s\n" + output());
        }
    }

    /**
     * Writes {@code <data dir>/plugins/PID.cfg}, which FileInstall hands to Configuration Admin: before
     * the start, the daemon starts with it; while it runs, the change applies live.
     */
    static void configure(Path dataDir, String pid, Map<String, String> properties) {
        try {
            Files.createDirectories(dataDir.resolve("plugins"));
            Files.writeString(dataDir.resolve("plugins").resolve(pid + ".cfg"), properties.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Only the sockets a test asks for: local service discovery would announce every test torrent on
     * the machine's real interfaces, the DHT would ask its bootstrap nodes on the Internet, and the
     * Transmission RPC would take a port from 9091 up in every daemon, and port mapping would ask the
     * machine's real router to open each test's ports. A test that wants one of them
     * writes its own configuration (LocalDiscoveryIT, DhtIT, TransmissionRpcIT), which this keeps.
     */
    static void extrasOff(Path dataDir) {
        for (String pid : List.of("dev.shoal.lsd", "dev.shoal.dht", "dev.shoal.rpc", "dev.shoal.portmap")) {
            if (!Files.exists(dataDir.resolve("plugins").resolve(pid + ".cfg"))) {
                configure(dataDir, pid, Map.of("enabled", "false"));
            }
        }
    }

    /** Peers on 127.0.0.1 only, on a free port, as every test of a daemon wants them. */
    static void peersOnLoopback(Path dataDir) throws IOException {
        configure(dataDir, "dev.shoal.peer", Map.of("listenAddress", "127.0.0.1", "port",
                String.valueOf(OpenTracker.freePort())));
    }

    /** SIGKILL: no shutdown hook runs, nothing is saved on the way out. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends SIGTERM and waits for the exit; its status. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    /** Waits for the daemon to end by itself; its status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("the daemon was still running after " + timeout.toSeconds() + " s\n" + output());
        }
        return process.exitValue();
    }

    /** The daemon's process id, to find its sockets. */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        return "--- daemon stdout ---\n" + read(stdout) + "\n--- daemon stderr ---\n" + read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook kills it anyway.
        }
    }
}
