package dev.shoal.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code shoal daemon}: the one Shoal of a data directory. It holds {@code shoal.lock} for the
 * JVM's life, and gets the Gogo console when a person is at a terminal.
 */
final class Daemon {

    /**
     * Held until the JVM ends: a lock only reachable from a local variable could be collected, and
     * its channel closed, while the daemon still runs.
     */
    private static InstanceLock lock;

    private Daemon() {
    }

    /** Takes the data directory's lock for a Shoal of {@code kind}; false when another Shoal holds it. */
    static synchronized boolean lock(Path dataDir, InstanceLock.Kind kind) throws IOException {
        Optional<InstanceLock> acquired = InstanceLock.tryAcquire(dataDir);
        if (acquired.isEmpty()) {
            return false;
        }
        lock = acquired.get();
        kind.writeTo(dataDir);
        return true;
    }

    static String alreadyRunning(Path dataDir) {
        return "shoal: Shoal is already running for data directory " + dataDir;
    }

    /**
     * Runs the framework with {@code args} (a {@code daemon} command line) once {@link #lock} succeeded.
     *
     * <p>Gogo's console ({@code gosh}, from gogo.jline's activator) reads {@code gosh.args}: with
     * {@code --nointeractive} it runs no console; without, it opens one on the terminal, and Ctrl-D
     * there stops the framework. Without a terminal the daemon stays quiet: no console, nothing on
     * stdout, and its log on stderr at info, as a service's log is (torrents added, the remote
     * shell's port). With the console the log is at warn, so it does not scribble over the prompt.
     *
     * <p>Without a terminal gosh still logs in (gogo.jline's activator always passes {@code --login}),
     * and its default profile sets up the line editor there is none of, which fails with a stack
     * trace; so {@code gosh.home} points at a profile of our own, and JLine is told that a dumb
     * terminal is what we want, so it does not warn that it could not make another.
     */
    static int run(Path dataDir, String[] args) throws Throwable {
        return run(dataDir, args, Terminals.interactive());
    }

    /** The desktop: a window, never a console, even when started from a terminal. */
    static int runWithoutConsole(Path dataDir, String[] args) throws Throwable {
        return run(dataDir, args, false);
    }

    private static int run(Path dataDir, String[] args, boolean console) throws Throwable {
        if (System.getProperty(FrameworkLaunch.LOG_LEVEL) == null) {
            System.setProperty(FrameworkLaunch.LOG_LEVEL, console ? "warn" : "info");
        }
        if (console) {
            System.setProperty("gosh.args", "");
            return FrameworkLaunch.run(dataDir, args, true);
        }
        System.setProperty("gosh.args", "--nointeractive");
        System.setProperty("org.jline.terminal.dumb", "true");
        return FrameworkLaunch.run(dataDir, args, true, Daemon::quietProfile);
    }

    private static void quietProfile(Path runFolder) throws IOException {
        Path home = runFolder.resolve("gosh");
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc").resolve("gosh_profile"),
                "# Shoal's daemon without a terminal: no console to set up, no welcome to print.\n"
                        + "SCOPE = 'gogo:*'\n");
        System.setProperty("gosh.home", home.toString());
    }
}
