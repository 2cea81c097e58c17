package dev.shoal.boot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code shoal} and {@code shoal FILE.torrent|URL|magnet ...}: the desktop app, which is the daemon
 * plus the window (the ui-swt bundle, at a start level of its own). One per data directory: when a
 * Shoal runs, the torrents go to it ({@code shoal:open}, the desktop's add dialog; a headless daemon,
 * which has no such command, adds them with {@code shoal:add}) and this process ends.
 */
final class Desktop {

    /** The commands of the framework's command line; any other first word may be a torrent to open. */
    private static final Set<String> COMMANDS = Set.of("info", "create", "get", "daemon", "cli", "add", "help");
    private static final Pattern LINK = Pattern.compile("(?is)(https?://|file:|magnet:).+");
    /** How long a starting desktop may take to offer {@code shoal:open} (its bundle starts last). */
    static final Duration OPEN_WAIT = Duration.ofSeconds(60);

    private Desktop() {
    }

    /** The desktop runs for no command at all, or for torrents given as the command line. */
    static boolean wanted(BootArgs boot, Path workingDirectory) {
        boolean onlyDataDir = BootArgs.splitDataDir(boot.before(), false).others().isEmpty();
        if (!onlyDataDir) {
            return false;
        }
        return boot.command() == null || isTarget(boot.command(), workingDirectory);
    }

    static boolean isTarget(String word, Path workingDirectory) {
        if (COMMANDS.contains(word)) {
            return false;
        }
        if (LINK.matcher(word).matches() || word.toLowerCase(Locale.ROOT).endsWith(".torrent")) {
            return true;
        }
        try {
            return Files.isRegularFile(workingDirectory.resolve(word));
        } catch (RuntimeException e) {
            return false; // not a path on this system
        }
    }

    /** Why no window can open here, if that is so: a Unix desktop needs a display server. */
    static Optional<String> noDisplay(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return Optional.empty();
        }
        if (present(env.get("DISPLAY")) || present(env.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of("shoal: no display to open the window on (DISPLAY is not set); "
                + "`shoal daemon` runs Shoal without one");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** @param args the whole command line, as a macOS relaunch on the first thread repeats it */
    static int run(Path dataDir, BootArgs boot, Path workingDirectory, String[] args) throws Throwable {
        BootArgs.Split split = BootArgs.splitDataDir(targetsOf(boot), false);
        List<String> targets = new ArrayList<>();
        for (String target : split.others()) {
            targets.add(Handover.absolute(target, workingDirectory));
        }
        PrintStream err = System.err;
        try {
            if (handOver(dataDir, targets, err).isPresent()) {
                return 0;
            }
            Optional<String> noDisplay = noDisplay(System.getProperty("os.name"), System.getenv());
            if (noDisplay.isPresent()) {
                err.println(noDisplay.get());
                return 1;
            }
            // macOS runs a window on the JVM's first thread only: this JVM may have to start another.
            OptionalInt relaunched = FirstThread.relaunchIfNeeded(args);
            if (relaunched.isPresent()) {
                return relaunched.getAsInt();
            }
            if (!FrameworkLaunch.prepare(dataDir)) {
                return 1;
            }
            if (!Daemon.lock(dataDir)) {
                // Another Shoal is starting here (two torrents opened at once): it gets these once it answers.
                if (handOverWhenReady(dataDir, targets, err)) {
                    return 0;
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
        daemon.add("--desktop");
        if (!targets.isEmpty()) {
            openWhenReady(dataDir, targets);
        }
        return Daemon.runWithoutConsole(dataDir, daemon.toArray(String[]::new));
    }

    private static List<String> targetsOf(BootArgs boot) {
        List<String> words = new ArrayList<>();
        if (boot.command() != null) {
            words.add(boot.command());
        }
        words.addAll(boot.after());
        return words;
    }

    /**
     * Gives the targets to the Shoal running here, if one answers: the desktop opens each in its add
     * dialog (and comes to the front when there is none); a headless daemon adds them.
     *
     * @return empty when no Shoal answers
     */
    private static OptionalInt handOver(Path dataDir, List<String> targets, PrintStream err) throws IOException {
        OptionalInt status = OptionalInt.empty();
        for (String line : openLines(targets)) {
            Outcome outcome = open(dataDir, line);
            if (outcome.status.isEmpty()) {
                return OptionalInt.empty();
            }
            if (outcome.headless()) {
                if (targets.isEmpty()) {
                    err.println("shoal: Shoal already runs for data directory " + dataDir
                            + " without a window (`shoal daemon`); talk to it with `shoal cli`");
                    return OptionalInt.of(1);
                }
                return addEach(dataDir, targets, err);
            }
            outcome.copyTo(System.out, err);
            status = outcome.status;
        }
        return status;
    }

    private static OptionalInt addEach(Path dataDir, List<String> targets, PrintStream err) throws IOException {
        int worst = 0;
        for (String target : targets) {
            OptionalInt status = Handover.run(dataDir, Handover.addLine(target, List.of(), Path.of("")), System.out,
                    err);
            worst = Math.max(worst, status.orElse(1));
        }
        return OptionalInt.of(worst);
    }

    private static boolean handOverWhenReady(Path dataDir, List<String> targets, PrintStream err)
            throws IOException, InterruptedException {
        return Handover.retry(OPEN_WAIT, () -> Handover.boxed(handOver(dataDir, targets, err))).isPresent();
    }

    /** Our own desktop opens them once its window is up (its commands come with it). */
    private static void openWhenReady(Path dataDir, List<String> targets) {
        Handover.inBackground("shoal-desktop-open", "opening the torrent failed", () -> {
            for (String line : openLines(targets)) {
                Optional<Outcome> opened = Handover.retry(OPEN_WAIT, () -> {
                    Outcome outcome = open(dataDir, line);
                    return outcome.status.isPresent() && !outcome.headless() ? Optional.of(outcome) : Optional.empty();
                });
                if (opened.isEmpty()) {
                    System.err.println("shoal: the window did not come up; not opened: " + line);
                    return;
                }
                opened.get().copyTo(System.out, System.err);
            }
        });
    }

    /** One {@code shoal:open} line per target; a bare {@code shoal:open} (bring the window up) for none. */
    static List<String> openLines(List<String> targets) {
        if (targets.isEmpty()) {
            return List.of("shoal:open");
        }
        return targets.stream().map(target -> "shoal:open " + GogoLine.literal(target)).toList();
    }

    private static Outcome open(Path dataDir, String line) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        OptionalInt status = Handover.run(dataDir, line, outStream, errStream);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What a {@code shoal:open} answered, held back until we know whether a window answered it. */
    private record Outcome(OptionalInt status, String out, String err) {

        /** The Shoal running has no {@code shoal:open}: it has no window (yet). */
        boolean headless() {
            return status.isPresent() && status.getAsInt() != 0 && err.contains("Command not found");
        }

        void copyTo(PrintStream stdout, PrintStream stderr) {
            stdout.print(out);
            stderr.print(err);
        }
    }
}
