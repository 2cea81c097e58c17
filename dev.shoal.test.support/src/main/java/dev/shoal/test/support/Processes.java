package dev.shoal.test.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program to its end with a hard time limit and captures what it printed. */
public final class Processes {

    private Processes() {
    }

    /** What a finished program left behind. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {

        /** Everything about the run, for a failure message. */
        public String describe() {
            return "command: " + String.join(" ", command) + "\nexit code: " + exitCode
                    + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr + "\n---";
        }

        /** Fails the test unless the program exited with 0. */
        public Result assertSuccess() {
            if (exitCode != 0) {
                fail("expected exit code 0\n" + describe());
            }
            return this;
        }
    }

    public static Result run(List<String> command, Duration timeout) {
        return run(command, Map.of(), null, timeout);
    }

    /**
     * Runs {@code command} with {@code env} added to this JVM's environment, in {@code workDir}
     * (this JVM's when null). Stdin is closed at once. The program and everything it started are
     * killed when it outlives {@code timeout}, which fails the test, and in any case before this
     * method returns.
     */
    public static Result run(List<String> command, Map<String, String> env, Path workDir, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        try {
            process.getOutputStream().close();
            Drain stdout = new Drain(process.getInputStream(), command.get(0) + "-stdout");
            Drain stderr = new Drain(process.getErrorStream(), command.get(0) + "-stderr");
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                fail("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command)
                        + "\n--- stdout so far ---\n" + stdout.text(Duration.ofSeconds(5))
                        + "\n--- stderr so far ---\n" + stderr.text(Duration.ofSeconds(5)));
            }
            return new Result(List.copyOf(command), process.exitValue(),
                    stdout.text(Duration.ofSeconds(10)), stderr.text(Duration.ofSeconds(10)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + command, e);
        } finally {
            kill(process);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one output stream to its end on its own thread, so neither pipe can fill up and block. */
    private static final class Drain {
        private final Thread thread;
        private volatile byte[] bytes = new byte[0];
        private volatile IOException failure;

        Drain(InputStream in, String name) {
            thread = new Thread(() -> {
                try (in) {
                    bytes = in.readAllBytes();
                } catch (IOException e) {
                    failure = e;
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        String text(Duration wait) throws InterruptedException, IOException {
            thread.join(wait.toMillis());
            if (thread.isAlive()) {
                // A grandchild that escaped the kill still holds the pipe: report what we have not.
                return "(output still open after the program ended)";
            }
            if (failure != null) {
                throw failure;
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
