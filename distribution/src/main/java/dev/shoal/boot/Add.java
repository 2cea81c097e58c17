package dev.shoal.boot;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code shoal add TORRENT|URL [options]}: one Shoal per data directory. When one runs, it gets
 * {@code shoal:add <absolute path> [options]} through its remote shell and its exit status is ours;
 * when none runs, this process becomes the daemon and adds the torrent itself.
 */
final class Add {

    /** How long to wait for another Shoal that holds the lock but does not answer yet (it is starting). */
    static final Duration STARTING_WAIT = Duration.ofSeconds(30);

    private Add() {
    }

    static int run(Path dataDir, BootArgs boot, Path workingDirectory) throws Throwable {
        BootArgs.Split split = BootArgs.splitDataDir(boot.after(), false);
        List<String> words = split.others();
        PrintStream err = System.err;
        if (words.isEmpty() || words.get(0).startsWith("-")) {
            err.println("shoal: usage: shoal add TORRENT|URL [options]");
            return 2;
        }
        String target = Handover.absolute(words.get(0), workingDirectory);
        List<String> options = words.subList(1, words.size());
        String line = Handover.addLine(target, options, workingDirectory);
        try {
            OptionalInt handedOver = Handover.run(dataDir, line, System.out, err);
            if (handedOver.isPresent()) {
                return handedOver.getAsInt();
            }
            if (!FrameworkLaunch.prepare(dataDir)) {
                return 1;
            }
            if (!Daemon.lock(dataDir)) {
                // Another Shoal is starting on this data directory (two torrents opened at once):
                // it gets this one too once it answers.
                handedOver = Handover.runWhenReady(dataDir, line, System.out, err, STARTING_WAIT);
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

    private static void handOverWhenReady(Path dataDir, String line) {
        Handover.inBackground("shoal-add-handover", "adding the torrent failed", () -> {
            if (Handover.runWhenReady(dataDir, line, System.out, System.err, STARTING_WAIT).isEmpty()) {
                System.err.println("shoal: the remote shell did not start; the torrent was not added");
            }
        });
    }
}
