package dev.shoal.boot;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The jar's entry point. It settles the data directory before the OSGi framework starts,
 * because the platform bundles read their folders from framework properties at start
 * (ConfigAdmin's store, FileInstall's plugin folder), then hands over to bnd's embedded launcher,
 * which starts Felix and exits with the exit code of Shoal's command.
 */
public final class Main {

    /** bnd's launcher, at the root of the exported jar; named here, not linked, to keep this jar plain. */
    private static final String EMBEDDED_LAUNCHER = "aQute.launcher.pre.EmbeddedLauncher";

    private Main() {
    }

    public static void main(String[] args) throws Throwable {
        Path dataDir = DataDirectory.resolve(args, System.getenv(), System.getProperty("os.name"),
                System.getProperty("user.home"));
        try {
            Files.createDirectories(dataDir.resolve("plugins"));
            Files.createDirectories(dataDir.resolve("config"));
        } catch (IOException e) {
            System.err.println("shoal: cannot create the data directory " + dataDir + ": " + e.getMessage());
            System.exit(1);
        }
        System.setProperty("shoal.data.dir", dataDir.toString());
        System.setProperty("felix.cm.dir", dataDir.resolve("config").toString());
        System.setProperty("felix.fileinstall.dir", dataDir.resolve("plugins").toString());
        // Each process gets its own framework storage, wiped at exit: one-shot commands can run
        // beside a daemon, and a stale cache can never shadow a newer jar. Shoal's own state lives
        // in the data directory, not in the framework's cache.
        Path storage = Files.createTempDirectory("shoal-framework-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(storage), "shoal-storage-cleanup"));
        System.setProperty("org.osgi.framework.storage", storage.toString());
        System.setProperty("launch.keep", "false");
        if (System.getProperty("launch.trace") == null) {
            System.setProperty("launch.trace", "false");
        }
        // Bundles log through SLF4J to stderr; a command's output is stdout and stays clean. Only
        // warnings by default: a one-shot command is not a daemon's log.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        try {
            Class.forName(EMBEDDED_LAUNCHER).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temp folder is harmless and the OS cleans temp eventually.
        }
    }
}
