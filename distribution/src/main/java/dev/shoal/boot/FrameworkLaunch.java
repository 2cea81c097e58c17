package dev.shoal.boot;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Starts the OSGi framework through bnd's embedded launcher, with the data directory settled first,
 * because the platform bundles read their folders from framework properties at start
 * (ConfigAdmin's store, FileInstall's plugin folder). System properties set here win over the
 * launcher's embedded properties.
 */
final class FrameworkLaunch {

    /** bnd's launcher, at the root of the exported jar; named here, not linked, to keep this jar plain. */
    private static final String EMBEDDED_LAUNCHER = "aQute.launcher.pre.EmbeddedLauncher";
    static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private FrameworkLaunch() {
    }

    /** Creates the data directory and its folders; false (and one line on stderr) when it cannot. */
    static boolean prepare(Path dataDir) {
        try {
            Files.createDirectories(dataDir.resolve("plugins"));
            Files.createDirectories(dataDir.resolve("config"));
            return true;
        } catch (IOException e) {
            System.err.println("shoal: cannot create the data directory " + dataDir + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * Files a command puts beside the framework's storage before the framework starts, in a folder of
     * this run's that is deleted with it (not inside the storage: Felix empties that when it starts).
     */
    interface RunFiles {
        RunFiles NONE = folder -> { };

        void prepare(Path folder) throws IOException;
    }

    /**
     * Runs the framework with {@code args} for Shoal's command line until the command returns.
     *
     * @param stopOnSignal a long-running command: a signal stops the framework cleanly (see {@link Shutdown})
     * @return the command's exit code
     */
    static int run(Path dataDir, String[] args, boolean stopOnSignal) throws Throwable {
        return run(dataDir, args, stopOnSignal, RunFiles.NONE);
    }

    static int run(Path dataDir, String[] args, boolean stopOnSignal, RunFiles files) throws Throwable {
        System.setProperty("shoal.data.dir", dataDir.toString());
        System.setProperty("felix.cm.dir", dataDir.resolve("config").toString());
        System.setProperty("felix.fileinstall.dir", dataDir.resolve("plugins").toString());
        // Each process gets its own framework storage, wiped at exit: one-shot commands can run
        // beside a daemon, and a stale cache can never shadow a newer jar. Shoal's own state lives
        // in the data directory, not in the framework's cache.
        Path run = Files.createTempDirectory("shoal-framework-");
        Path storage = Files.createDirectory(run.resolve("storage"));
        files.prepare(run);
        FileInstallLog.install(() -> {
            // Only Configuration Admin and FileInstall have started: nothing to stop or save.
            deleteTree(run);
            Runtime.getRuntime().halt(1);
        });
        System.setProperty("org.osgi.framework.storage", storage.toString());
        System.setProperty("launch.keep", "false");
        // Bundles installed after the launch (plugins FileInstall finds in plugins/, and those it
        // updates) would get the launcher's default start level, 31: above the daemon's 20 and the
        // desktop's 30, so they would stay Installed. At 20 they run wherever the shell does.
        System.setProperty("launch.startlevel.default", "20");
        if (System.getProperty("launch.trace") == null) {
            System.setProperty("launch.trace", "false");
        }
        // Bundles log through SLF4J to stderr; a command's output is stdout and stays clean. Only
        // warnings unless the caller chose: a one-shot command is not a daemon's log.
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        Shutdown shutdown = new Shutdown(Thread.currentThread(), run, stopOnSignal);
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "shoal-shutdown"));
        int code = 127;
        try {
            Object launcher = Class.forName(EMBEDDED_LAUNCHER).getConstructor().newInstance();
            code = (Integer) launcher.getClass().getMethod("run", String[].class).invoke(launcher, (Object) args);
            return code;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            shutdown.launcherReturned(code);
        }
    }

    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temp folder is harmless and the OS cleans temp eventually.
        }
    }
}
