package dev.shoal.boot;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import dev.shoal.remote.protocol.NotRunningException;
import dev.shoal.remote.protocol.RemoteShell;

/**
 * Gives work to the Shoal already running on a data directory, so that there is one per data
 * directory: {@code shoal add} uses it, and so can the desktop app ({@code shoal X.torrent}): hand
 * over {@link #addLine}, and only when {@link #run} finds no Shoal start one that adds it itself.
 */
final class Handover {

    private static final Pattern URL = Pattern.compile("(?s)([a-zA-Z][a-zA-Z0-9+.-]*://|magnet:).*");
    private static final long POLL_MILLIS = 100;

    private Handover() {
    }

    /**
     * Runs {@code commandLine} in the Shoal running for {@code dataDir}, its output copied to ours.
     *
     * @return its exit status; empty when no Shoal answers
     * @throws IOException when one answers but refuses, or the connection fails midway
     */
    static OptionalInt run(Path dataDir, String commandLine, PrintStream out, PrintStream err) throws IOException {
        try (RemoteShell shell = RemoteShell.connect(dataDir)) {
            return OptionalInt.of(shell.run(commandLine, out, err));
        } catch (NotRunningException e) {
            return OptionalInt.empty();
        }
    }

    /** As {@link #run}, trying again until a Shoal that is starting answers, for {@code wait} at most. */
    static OptionalInt runWhenReady(Path dataDir, String commandLine, PrintStream out, PrintStream err, Duration wait)
            throws IOException, InterruptedException {
        Optional<Integer> status = retry(wait, () -> boxed(run(dataDir, commandLine, out, err)));
        return status.isPresent() ? OptionalInt.of(status.get()) : OptionalInt.empty();
    }

    /** One try at reaching a Shoal that may still be starting: empty when it did not answer (yet). */
    interface Attempt<T> {
        Optional<T> get() throws IOException;
    }

    /** Tries {@code attempt} every {@value #POLL_MILLIS} ms until it gives a result, for {@code wait} at most. */
    static <T> Optional<T> retry(Duration wait, Attempt<T> attempt) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<T> result = attempt.get();
            if (result.isPresent() || System.nanoTime() - deadline > 0) {
                return result;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    static Optional<Integer> boxed(OptionalInt status) {
        return status.isPresent() ? Optional.of(status.getAsInt()) : Optional.empty();
    }

    /** Work on the running Shoal once it answers (a thread of its own, not holding up the start). */
    interface Background {
        void run() throws IOException, InterruptedException;
    }

    /**
     * Runs {@code work} on a daemon thread named {@code name}; an I/O failure is one line on stderr
     * after {@code failure}.
     */
    static void inBackground(String name, String failure, Background work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (IOException e) {
                System.err.println("shoal: " + failure + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The Gogo line that adds {@code target}: a relative path is the caller's, so it is made absolute
     * here, where the caller's working directory is known; a URL passes as it is.
     */
    static String addLine(String target, List<String> options, Path workingDirectory) {
        StringBuilder line = new StringBuilder("shoal:add ").append(GogoLine.literal(absolute(target, workingDirectory)));
        for (String option : options) {
            line.append(' ').append(GogoLine.quote(option));
        }
        return line.toString();
    }

    static String absolute(String target, Path workingDirectory) {
        if (URL.matcher(target).matches()) {
            return target;
        }
        return workingDirectory.resolve(target).toAbsolutePath().normalize().toString();
    }
}
