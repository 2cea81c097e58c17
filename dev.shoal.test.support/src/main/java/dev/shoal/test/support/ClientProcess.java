package dev.shoal.test.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A long-running BitTorrent client started for a test: its output (stdout and stderr together) goes
 * to a log file and a tail kept in memory for failure messages, every line also to a listener. Every
 * wait is bounded and fails with the client's log tail. {@link #close()} kills the client with all
 * its children and deletes its work directory, so no test leaves a peer running.
 */
final class ClientProcess implements AutoCloseable {

    private static final int TAIL_LINES = 40;
    private static final Duration POLL = Duration.ofMillis(50);

    private final String label;
    private final Process process;
    private final Path workDir;
    private final Thread reader;
    /** Kills the client should the JVM end (e.g. a killed test run) before {@link #close()}. */
    private final Thread killOnExit;
    private final ArrayDeque<String> tail = new ArrayDeque<>();

    private ClientProcess(String label, Process process, Path workDir, Consumer<String> onLine) throws IOException {
        this.label = label;
        this.process = process;
        this.workDir = workDir;
        Writer log = Files.newBufferedWriter(workDir.resolve(label + ".log"), StandardCharsets.UTF_8);
        this.reader = new Thread(() -> follow(log, onLine), label + "-output");
        reader.setDaemon(true);
        reader.start();
        killOnExit = new Thread(() -> killTree(process), label + "-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts {@code command} in {@code workDir}, a directory this object owns from now on (deleted on
     * close). Output lines go to {@code onLine} on a thread of their own.
     */
    static ClientProcess start(String label, List<String> command, Path workDir, Consumer<String> onLine)
            throws IOException {
        Process process = null;
        try {
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .start();
            return new ClientProcess(label, process, workDir, onLine);
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                killTree(process);
            }
            deleteTree(workDir);
            throw e;
        }
    }

    /** The client's stdin, e.g. for commands; closing it is the client's cue to quit, if it listens. */
    OutputStream stdin() {
        return process.getOutputStream();
    }

    Path workDir() {
        return workDir;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until {@code done} holds, polling. Fails, with {@code state} and the log tail, when
     * {@code timeout} passes first or the client exits first ({@code done} is asked once more then).
     * {@code done} may itself fail the test when it sees that the goal cannot be reached.
     */
    void await(String what, Duration timeout, BooleanSupplier done, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                if (doneAfterExit(done)) {
                    return;
                }
                fail(label + " exited with " + process.exitValue() + " while waiting for " + what + "\n"
                        + describe(state));
            }
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail(label + ": no " + what + " within " + timeout.toMillis() + " ms\n" + describe(state));
            }
            sleep(POLL);
        }
    }

    /** Whether a goal was reached before the client exited; asking may fail once it is gone (RPC). */
    private static boolean doneAfterExit(BooleanSupplier done) {
        try {
            return done.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Waits for the client to exit by itself and returns its exit code. */
    int awaitExit(Duration timeout, Supplier<String> state) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                fail(label + " did not exit within " + timeout.toMillis() + " ms\n" + describe(state));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + label + " to exit", e);
        }
        return process.exitValue();
    }

    /** The last lines the client printed, for a failure message. */
    String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    /** {@code state}, then the log tail: what a failure message about this client should say. */
    String describe(Supplier<String> state) {
        String now;
        try {
            now = state.get();
        } catch (RuntimeException | AssertionError e) {
            now = "(state unknown: " + e + ")";
        }
        return "state: " + now + "\nwork dir: " + workDir + "\n--- last lines of " + label + " ---\n" + tail()
                + "\n---";
    }

    private void follow(Writer log, Consumer<String> onLine) {
        try (log; BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                log.write(line);
                log.write('\n');
                if (!line.startsWith("status ")) {
                    // Status lines come five times a second: they would push every event out of the tail.
                    remember(line);
                }
                onLine.accept(line);
            }
        } catch (IOException | RuntimeException e) {
            remember("(output reader stopped: " + e + ")");
        }
    }

    private void remember(String line) {
        synchronized (tail) {
            tail.addLast(line);
            while (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
    }

    /** Kills the client and its children (asking politely for two seconds first), then deletes its work dir. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it kills the client too
        }
        killTree(process);
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(workDir);
    }

    /** SIGTERM to the process and all its descendants, SIGKILL to whatever still runs two seconds later. */
    static void killTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        tree.addAll(process.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, Duration.ofSeconds(2))) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(5));
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
}
