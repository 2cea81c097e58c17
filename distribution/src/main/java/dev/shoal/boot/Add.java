package dev.shoal.boot;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code shoal add TORRENT|URL|MAGNET [options]}: one Shoal per data directory. When one runs, it gets
 * {@code shoal:add <absolute path> [options]} through its remote shell and its exit status is ours;
 * when none runs, this process becomes the daemon and adds the torrent itself.
 */
final class Add {

    /** How long to wait for another Shoal that holds the lock but does not answer yet (it is starting). */
    static final Duration STARTING_WAIT = Duration.ofSeconds(60);
    /**
     * How long this process, having become the Shoal, waits for its own shell to take what it was
     * given: only a framework that never starts its shell takes this long, and then it is said.
     */
    static final Duration OWN_START_WAIT = Duration.ofMinutes(5);

    private Add() {
    }

    static int run(Path dataDir, BootArgs boot, Path workingDirectory) throws Throwable {
        BootArgs.Split split = BootArgs.splitDataDir(boot.after(), false);
        List<String> words = split.others();
        PrintStream err = System.err;
        if (words.isEmpty() || words.get(0).startsWith("-")) {
            err.println("shoal: usage: shoal add TORRENT|URL|MAGNET [options]");
            return 2;
        }
        String target = Handover.absolute(words.get(0), workingDirectory);
        List<String> options = words.subList(1, words.size());
        String line = Handover.addLine(target, options, workingDirectory);
        try {
            Handover.Answer answer = Handover.ask(dataDir, line);
            if (answer.commandMissing()) {
                // A Shoal still starting: its remote shell answers before its commands are there.
                answer = Handover.askWhenReady(dataDir, line, STARTING_WAIT).orElse(answer);
            }
            if (answer.answered()) {
                answer.copyTo(System.out, err);
                return answer.status().getAsInt();
            }
            if (!FrameworkLaunch.prepare(dataDir)) {
                return 1;
            }
            if (!Daemon.lock(dataDir, InstanceLock.Kind.DAEMON)) {
                // Another Shoal is starting on this data directory (two torrents opened at once):
                // it gets this one too once it answers.
                OptionalInt handedOver = Handover.runWhenReady(dataDir, line, System.out, err, STARTING_WAIT);
                if (handedOver.isPresent()) {
                    return handedOver.getAsInt();
                }
                err.println(Daemon.alreadyRunning(dataDir) + " but does not answer");
                return 1;
            }
        } catch (IOException e) {
            err.println("shoal: " + e.getMessage());
            return 1;
        }
        List<String> daemon = new ArrayList<>(boot.before());
        daemon.addAll(split.dataDirOptions());
        daemon.add("daemon");
        if (options.isEmpty()) {
            daemon.add("--add");
            daemon.add(target);
        } else {
            // The daemon's --add knows the engine's defaults only; options are the shell command's,
            // so the line goes the same way as to a running Shoal: once ours answers.
            handOverWhenReady(dataDir, line);
        }
        return Daemon.run(dataDir, daemon.toArray(String[]::new));
    }

    /** Our own daemon adds it once its shell answers with the command, however long it takes to start. */
    private static void handOverWhenReady(Path dataDir, String line) {
        Handover.inBackground("shoal-add-handover", "adding the torrent failed", () -> {
            if (Handover.runWhenReady(dataDir, line, System.out, System.err, OWN_START_WAIT).isEmpty()) {
                System.err.println("shoal: Shoal's shell did not start within " + OWN_START_WAIT.toMinutes()
                        + " minutes; not added: " + line);
            }
        });
    }
}
