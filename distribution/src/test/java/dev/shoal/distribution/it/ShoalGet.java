package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code shoal get} running in the background, as a user would start it: {@code java -jar shoal.jar
 * --data-dir D get ...}, its stdout and stderr in files under its own folder (so they can be read at
 * any time, after a {@code kill -9} too), its data directory (config, resume files) and temp folder
 * there as well; it listens for peers on 127.0.0.1 (or ::1) only. Every wait is bounded and fails with Shoal's
 * output and whatever else the test adds; {@link #close()} kills it, and so does the end of the test JVM.
 */
final class ShoalGet implements AutoCloseable {

    /** Exit status of a process killed by SIGKILL, as Java reports it on Linux: 128 + 9. */
    static final int KILLED = 137;

    /** The configuration PID of Shoal's peer bundle (SwarmComponent). */
    private static final String PEER_PID = "dev.shoal.peer";
    private static final int STDOUT_TAIL = 25;
    private static final int STDERR_TAIL = 60;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Pattern SUMMARY_UPLOADED = Pattern.compile("uploaded ([0-9.]+) (B|KiB|MiB|GiB)");
    private static final List<String> UNITS = List.of("B", "KiB", "MiB", "GiB");

    /** What to run; {@link #start} starts it. */
    static final class Options {
        private final String torrent;
        private final Path dir;
        private Path base;
        private int port;
        private String seedRatio;
        private String logLevel;
        private String listenAddress = "127.0.0.1";
        private String encryption;

        private Options(String torrent, Path dir) {
            this.torrent = torrent;
            this.dir = dir;
        }

        /** Where the download goes ({@code --dir}). */
        Path directory() {
            return dir;
        }

        /** Shoal's own folder: data directory, temp folder, output files. Runs may share it (resume). */
        Options base(Path value) {
            base = value;
            return this;
        }

        Options port(int value) {
            port = value;
            return this;
        }

        /** The loopback address peers are listened for on: 127.0.0.1 unless set (::1 for IPv6 tests). */
        Options listenAddress(String value) {
            listenAddress = value;
            return this;
        }

        Options seedRatio(String value) {
            seedRatio = value;
            return this;
        }

        /** The peer wire's {@code encryption} setting: prefer (the default), require or disable. */
        Options encryption(String value) {
            encryption = value;
            return this;
        }

        /** SLF4J simple's level for every logger ({@code info}, {@code debug}); warn when not set. */
        Options logLevel(String value) {
            logLevel = value;
            return this;
        }

        ShoalGet start() {
            if (base == null || port == 0) {
                throw new IllegalStateException("a base folder and a port are required");
            }
            return new ShoalGet(this);
        }
    }

    private final List<String> command;
    private final Path stdout;
    private final Path stderr;
    private final Process process;
    private final Thread killOnExit;

    /** {@code shoal get torrent --dir dir}; say more with the options, then {@link Options#start()}. */
    static Options get(Path torrent, Path dir) {
        return new Options(torrent.toString(), dir);
    }

    /** {@code shoal get target --dir dir} for a target that is no file: a URL or a magnet link. */
    static Options get(String target, Path dir) {
        return new Options(target, dir);
    }

    private ShoalGet(Options options) {
        try {
            Path tmp = Files.createDirectories(options.base.resolve("shoal-tmp"));
            Path dataDir = options.base.resolve("shoal-data");
            // Peers on one loopback address only (the port is get's --port option).
            ShoalDaemon.configure(dataDir, PEER_PID, options.encryption == null
                    ? Map.of("listenAddress", options.listenAddress)
                    : Map.of("listenAddress", options.listenAddress, "encryption", options.encryption));
            ShoalDaemon.extrasOff(dataDir);
            int run = 1;
            while (Files.exists(options.base.resolve("stdout-" + run + ".txt"))) {
                run++;
            }
            stdout = options.base.resolve("stdout-" + run + ".txt");
            stderr = options.base.resolve("stderr-" + run + ".txt");
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + tmp));
            if (options.logLevel != null) {
                cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=" + options.logLevel);
            }
            cmd.addAll(List.of("-jar", Shoal.jar().toString(),
                    "--data-dir", dataDir.toString(),
                    "get", options.torrent, "--dir", options.dir.toString(),
                    "--port", String.valueOf(options.port)));
            if (options.seedRatio != null) {
                cmd.addAll(List.of("--seed-ratio", options.seedRatio));
            }
            command = List.copyOf(cmd);
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start shoal get", e);
        }
        killOnExit = new Thread(process::destroyForcibly, "shoal-get-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The JVM's process id, for what {@code /proc} says of it. */
    long pid() {
        return process.pid();
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    /**
     * The last line of {@code done: downloaded …, uploaded 12.3 MiB (ratio 0.05), …}, which
     * {@code get} prints when it finishes.
     */
    Optional<String> summary() {
        List<String> lines = stdout().lines().filter(line -> line.startsWith("done: ")).toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
    }

    /** The bytes uploaded as the summary line says them (rounded as it rounds them); fails without one. */
    long summaryUploaded() {
        String line = summary().orElseGet(() -> fail("no 'done:' line on stdout\n" + describe()));
        Matcher m = SUMMARY_UPLOADED.matcher(line);
        if (!m.find()) {
            fail("no 'uploaded <size>' in the summary line: " + line);
        }
        return (long) (Double.parseDouble(m.group(1)) * (1L << (10 * UNITS.indexOf(m.group(2)))));
    }

    /** Waits until stderr shows {@code what}; fails on time-out or when Shoal exits first. */
    String awaitStderr(String what, Predicate<String> seen, Duration timeout, Supplier<String> context) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String text = stderr();
            if (seen.test(text)) {
                return text;
            }
            if (!process.isAlive()) {
                fail("shoal get exited with " + process.exitValue() + " before stderr showed " + what + "\n"
                        + describe() + context.get());
            }
            if (System.nanoTime() > deadline) {
                fail("stderr of shoal get did not show " + what + " within " + timeout.toSeconds() + " s\n"
                        + describe() + context.get());
            }
            sleep(POLL);
        }
    }

    /**
     * Waits for Shoal to exit by itself; fails with its output and {@code context} (e.g. the peers'
     * logs) when it does not within {@code timeout} or exits with other than 0.
     */
    void awaitSuccess(Duration timeout, Supplier<String> context) {
        int exit = awaitExit(timeout, context);
        if (exit != 0) {
            fail("shoal get exited with " + exit + ", expected 0\n" + describe() + context.get());
        }
    }

    int awaitExit(Duration timeout, Supplier<String> context) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("shoal get did not exit within " + timeout.toSeconds() + " s\n" + describe() + context.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for shoal get", e);
        }
        return process.exitValue();
    }

    /** Runs {@code wait} (on a peer, say); should it fail, the failure shows Shoal's output too. */
    void explain(Runnable wait) {
        try {
            wait.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + describe(), e);
        }
    }

    /** {@code kill -9}: {@link Process#destroyForcibly()} is SIGKILL on Linux, which the exit status proves. */
    void kill9() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                fail("shoal get survived SIGKILL for 30 s\n" + describe());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for shoal get to die", e);
        }
        assertEquals(KILLED, process.exitValue(), () -> "not killed by SIGKILL\n" + describe());
    }

    /** The command, whether it runs, and the tails of its stdout and stderr: for failure messages. */
    String describe() {
        String state = process.isAlive() ? "running" : "exit code " + process.exitValue();
        return "command: " + String.join(" ", command) + "\nshoal get: " + state
                + "\n--- last lines of shoal's stdout (" + stdout + ") ---\n" + tail(stdout(), STDOUT_TAIL)
                + "\n--- last lines of shoal's stderr (" + stderr + ") ---\n" + tail(stderr(), STDERR_TAIL)
                + "\n---\n";
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook kills it
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
