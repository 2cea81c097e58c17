package dev.shoal.boot;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FileInstall's warnings and errors, one line each on stderr, and Shoal's answer to a {@code .cfg}
 * it cannot read. FileInstall prints its own with a stack trace, and says nothing of a {@code .cfg}
 * it cannot read once running (a warning, below the error level that keeps it quiet otherwise); told
 * to log through {@code java.util.logging}, it logs here, to its logger {@code fileinstall}.
 *
 * <p>A {@code .cfg} FileInstall cannot read is applied not at all. While Shoal runs, the settings in
 * force stay. At the start, a component would run on its defaults instead of what the file says (the
 * peer wire on every interface where the file asked for one address), so Shoal does not start: FileInstall
 * reads {@code plugins/} in its activator, before any Shoal bundle starts (see the start levels in {@code cnf/launch.bnd}), and the {@code refuse} action ends
 * the process there.
 */
final class FileInstallLog extends Handler {

    /** FileInstall's logger; held here because java.util.logging keeps its loggers weakly. */
    private static final Logger FILEINSTALL = Logger.getLogger("fileinstall");

    /** The thread on which Felix starts the bundles of a start level above the first. */
    private static final String START_LEVEL_THREAD = "FelixStartLevel";

    /** FileInstall's messages for a configuration file it could not install or update. */
    private static final Pattern FAILED = Pattern.compile("Failed to (install|update) artifact:? (.+\\.(?:cfg|config))");

    private final PrintStream out;
    /** The thread that launches the framework: bnd's launcher starts the first level's bundles on it. */
    private final Thread launching;
    private final Runnable refuse;

    FileInstallLog(PrintStream out, Thread launching, Runnable refuse) {
        this.out = out;
        this.launching = launching;
        this.refuse = refuse;
    }

    /** Routes FileInstall's warnings and errors here; {@code refuse} ends the start (it does not return). */
    static void install(Runnable refuse) {
        System.setProperty("felix.fileinstall.log.default", "jul");
        System.setProperty("felix.fileinstall.log.level", "2");
        FILEINSTALL.setUseParentHandlers(false);
        FILEINSTALL.setLevel(Level.WARNING);
        for (Handler old : FILEINSTALL.getHandlers()) {
            FILEINSTALL.removeHandler(old);
        }
        FILEINSTALL.addHandler(new FileInstallLog(System.err, Thread.currentThread(), refuse));
    }

    @Override
    public void publish(LogRecord record) {
        // FileInstall's first scan runs in its activator, so on a thread that starts bundles; later
        // scans run on its watcher thread.
        Thread current = Thread.currentThread();
        boolean starting = current == launching || current.getName().equals(START_LEVEL_THREAD);
        Matcher failed = FAILED.matcher(record.getMessage() == null ? "" : record.getMessage());
        if (failed.matches() && record.getThrown() != null) {
            out.println(unreadable(failed.group(2), record.getThrown(), starting));
            if (starting) {
                out.flush();
                refuse.run();
            }
            return;
        }
        out.println("shoal: fileinstall: " + record.getMessage()
                + (record.getThrown() == null ? "" : ": " + reason(record.getThrown())));
    }

    static String unreadable(String file, Throwable thrown, boolean starting) {
        return "shoal: cannot read " + file + ": " + reason(thrown) + (starting
                ? "; Shoal does not start without the settings it holds (fix the file or remove it)"
                : "; nothing of it is applied, the settings in force stay");
    }

    private static String reason(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage().replaceAll("\\s+", " ").strip();
        if (cause instanceof NumberFormatException) {
            return "a value is not a number (" + message + ")";
        }
        return message.isEmpty() ? cause.getClass().getSimpleName() : message;
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
