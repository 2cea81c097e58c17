package dev.shoal.boot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    /**
     * As {@link #run}, trying again until a Shoal that is starting answers <em>and has the command</em>
     * (its remote shell may be up before the bundle that registers the command), for {@code wait} at
     * most; the output of the answer that counts is copied to ours.
     *
     * @return its exit status; empty when no Shoal answered with the command in time
     */
    static OptionalInt runWhenReady(Path dataDir, String commandLine, PrintStream out, PrintStream err, Duration wait)
            throws IOException, InterruptedException {
        Optional<Answer> answer = askWhenReady(dataDir, commandLine, wait);
        answer.ifPresent(a -> a.copyTo(out, err));
        return answer.map(Answer::status).orElse(OptionalInt.empty());
    }

    /** As {@link #runWhenReady}, the answer held back for the caller. */
    static Optional<Answer> askWhenReady(Path dataDir, String commandLine, Duration wait)
            throws IOException, InterruptedException {
        return retry(wait, () -> {
            Answer answer = ask(dataDir, commandLine);
            return answer.answered() && !answer.commandMissing() ? Optional.of(answer) : Optional.empty();
        });
    }

    /** Runs {@code commandLine} as {@link #run} does, its output held back in the answer. */
    static Answer ask(Path dataDir, String commandLine) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionalInt status = run(dataDir, commandLine, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Answer(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What a Shoal answered to one command line, held back until the caller knows what it means. */
    record Answer(OptionalInt status, String out, String err) {

        /** A Shoal answered (empty status: none runs, or it does not answer yet). */
        boolean answered() {
            return status.isPresent();
        }

        boolean succeeded() {
            return answered() && status.getAsInt() == 0;
        }

        /**
         * The Shoal running has no such command: a headless daemon asked for {@code shoal:open}, or a
         * Shoal still starting whose bundle with the command is not active yet.
         */
        boolean commandMissing() {
            return answered() && status.getAsInt() != 0 && err.contains("Command not found");
        }

        void copyTo(PrintStream stdout, PrintStream stderr) {
            stdout.print(out);
            stderr.print(err);
        }
    }

    /** One try at reaching a Shoal that may still be starting: empty when it did not answer (yet). */
    interface Attempt<T> {
        Optional<T> get() throws IOException, InterruptedException;
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
