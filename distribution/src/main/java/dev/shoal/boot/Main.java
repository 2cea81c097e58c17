package dev.shoal.boot;

import java.nio.file.Path;
import java.util.List;

/**
 * The jar's entry point. What needs no framework is done here: {@code cli} talks to the running
 * Shoal, {@code add} hands over to it when there is one, and so does the desktop ({@code shoal} alone,
 * or with torrents to open). Everything else starts the OSGi framework
 * with the data directory settled first; {@code daemon} also takes the data directory's lock.
 */
public final class Main {

    /** Read by the engine: where it keeps its torrents instead of the data directory's. */
    static final String ENGINE_SESSION_DIR = "shoal.engine.session.dir";

    private Main() {
    }

    public static void main(String[] args) throws Throwable {
        System.exit(run(args));
    }

    private static int run(String[] args) throws Throwable {
        if (DesktopEntry.requested(args).isPresent()) {
            return DesktopEntry.run(args, System.getenv(), System.getProperty("user.home"), System.out, System.err);
        }
        BootArgs boot = BootArgs.parse(args);
        Path workingDirectory = Path.of("").toAbsolutePath();
        if (Desktop.wanted(boot, workingDirectory)) {
            List<String> dataDirOptions = BootArgs.splitDataDir(boot.after(), false).dataDirOptions();
            return Desktop.run(dataDir(boot.dataDirArgs(dataDirOptions)), boot, workingDirectory, args);
        }
        String command = boot.command() == null ? "" : boot.command();
        switch (command) {
            case "cli" -> {
                BootArgs.Split split = BootArgs.splitDataDir(boot.after(), true);
                return Cli.run(dataDir(boot.dataDirArgs(split.dataDirOptions())), split.others(), System.in,
                        System.out, System.err, Terminals.interactive());
            }
            case "add" -> {
                BootArgs.Split split = BootArgs.splitDataDir(boot.after(), false);
                return Add.run(dataDir(boot.dataDirArgs(split.dataDirOptions())), boot, workingDirectory);
            }
            case "daemon" -> {
                Path dataDir = dataDir(args);
                if (!FrameworkLaunch.prepare(dataDir)) {
                    return 1;
                }
                boolean window = boot.after().contains("--desktop");
                if (!Daemon.lock(dataDir, window ? InstanceLock.Kind.DESKTOP : InstanceLock.Kind.DAEMON)) {
                    System.err.println(Daemon.alreadyRunning(dataDir));
                    return 1;
                }
                return Daemon.run(dataDir, args);
            }
            default -> {
                Path dataDir = dataDir(args);
                if (!FrameworkLaunch.prepare(dataDir)) {
                    return 1;
                }
                // The torrents a one-shot command (get) runs are its own, not the daemon's: the engine
                // keeps them in the run's temporary folder, so it neither restores nor records the
                // session kept in the data directory.
                return FrameworkLaunch.run(dataDir, args, false, run -> System.setProperty(ENGINE_SESSION_DIR,
                        run.resolve("session").toString()));
            }
        }
    }

    private static Path dataDir(String[] args) {
        return DataDirectory.resolve(args, System.getenv(), System.getProperty("os.name"),
                System.getProperty("user.home"));
    }
}
