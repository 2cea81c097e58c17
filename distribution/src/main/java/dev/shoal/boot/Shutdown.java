package dev.shoal.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The JVM's shutdown hook. bnd's launcher stops nothing on a signal, so for a long-running command
 * the hook does: it interrupts the main thread, where the daemon waits for the framework to stop;
 * the daemon returns, the launcher stops the framework (the engine's deactivation saves the
 * torrents' state) and returns to us. Only then is the framework's cache deleted, never under a
 * running framework. One-shot commands keep their own handling ({@code get} has a hook of its own)
 * and their cache is deleted at once.
 */
final class Shutdown {

    /** Long enough for the engine to close every torrent (it allows itself 30 s), bounded all the same. */
    static final Duration STOP_WAIT = Duration.ofSeconds(40);

    private final Thread main;
    private final Path runFolder;
    private final boolean stopOnSignal;
    private final CountDownLatch returned = new CountDownLatch(1);
    private volatile int exitCode;

    Shutdown(Thread main, Path runFolder, boolean stopOnSignal) {
        this.main = main;
        this.runFolder = runFolder;
        this.stopOnSignal = stopOnSignal;
    }

    void launcherReturned(int code) {
        exitCode = code;
        returned.countDown();
    }

    void run() {
        if (!stopOnSignal) {
            FrameworkLaunch.deleteTree(runFolder);
            return;
        }
        if (returned.getCount() > 0) {
            main.interrupt();
            try {
                if (!returned.await(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    System.err.println("shoal: the framework did not stop within " + STOP_WAIT.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        FrameworkLaunch.deleteTree(runFolder);
        if (returned.getCount() == 0) {
            // The daemon stopped cleanly, so exit with its status (0), whoever began the exit: a
            // signal would make it 128+signal, and a framework stopped from inside (`stop 0`, Ctrl-D
            // on the console) makes bnd's launcher exit with 117 ("stopped") as it races our main
            // thread. The cost: hooks still running are cut short (ours waited for the framework,
            // theirs are quick).
            Runtime.getRuntime().halt(exitCode);
        }
    }
}
