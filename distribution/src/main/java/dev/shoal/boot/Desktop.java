package dev.shoal.boot;

import java.io.IOException;
import java.io.PrintStream;
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
 * plus the window (the dev.shoal.ui.swt bundle, at a start level of its own). One per data directory: when a
 * Shoal runs, the torrents go to it ({@code shoal:open}, the desktop's add dialog; a headless daemon,
 * which has no such command, adds them with {@code shoal:add}) and this process ends.
 */
final class Desktop {

    /** The commands of the framework's command line; any other first word may be a torrent to open. */
    private static final Set<String> COMMANDS = Set.of("info", "create", "get", "daemon", "cli", "add", "help");
    private static final Pattern LINK = Pattern.compile("(?is)(https?://|file:|magnet:).+");
    /**
     * How long a second launch waits for a starting desktop to offer {@code shoal:open} (its bundle
     * starts last); generous, since a loaded machine can take that long to start a JVM and a framework.
     */
    static final Duration OPEN_WAIT = Duration.ofSeconds(120);

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
            OptionalInt handedOver = handOver(dataDir, targets, err);
            if (handedOver.isPresent()) {
                return handedOver.getAsInt();
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
            if (!Daemon.lock(dataDir, InstanceLock.Kind.DESKTOP)) {
                // Another Shoal is starting here (two torrents opened at once): it gets these once it answers.
                Optional<Integer> status = Handover.retry(OPEN_WAIT,
                        () -> Handover.boxed(handOver(dataDir, targets, err)));
                if (status.isPresent()) {
                    return status.get();
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
     * Gives the targets to the Shoal running here, if one answers: a desktop opens each in its add
     * dialog (and comes to the front when there is none), waiting for its window's commands when it is
     * still starting; a headless daemon adds them.
     *
     * @return the worst exit status; empty when no Shoal answers
     */
    private static OptionalInt handOver(Path dataDir, List<String> targets, PrintStream err)
            throws IOException, InterruptedException {
        List<String> lines = openLines(targets);
        Handover.Answer first = Handover.ask(dataDir, lines.get(0));
        if (!first.answered()) {
            return OptionalInt.empty();
        }
        if (first.commandMissing() && InstanceLock.Kind.of(dataDir) == InstanceLock.Kind.DAEMON) {
            if (targets.isEmpty()) {
                err.println("shoal: Shoal already runs for data directory " + dataDir
                        + " without a window (`shoal daemon`); talk to it with `shoal cli`");
                return OptionalInt.of(1);
            }
            return OptionalInt.of(addEach(dataDir, targets, err));
        }
        int worst = 0;
        for (int i = 0; i < lines.size(); i++) {
            Optional<Handover.Answer> answer = i == 0 && !first.commandMissing() ? Optional.of(first)
                    : Handover.askWhenReady(dataDir, lines.get(i), OPEN_WAIT);
            if (answer.isEmpty()) {
                err.println("shoal: the running Shoal's window did not come up within " + OPEN_WAIT.toSeconds()
                        + " s; not opened: " + (targets.isEmpty() ? "the window" : targets.get(i)));
                worst = 1;
                continue;
            }
            answer.get().copyTo(System.out, err);
            worst = Math.max(worst, answer.get().status().getAsInt());
        }
        return OptionalInt.of(worst);
    }

    /** Adds each target with {@code shoal:add} (a Shoal without a window), waiting for its shell's commands. */
    private static int addEach(Path dataDir, List<String> targets, PrintStream err)
            throws IOException, InterruptedException {
        int worst = 0;
        for (String target : targets) {
            OptionalInt status = Handover.runWhenReady(dataDir, Handover.addLine(target, List.of(), Path.of("")),
                    System.out, err, Add.STARTING_WAIT);
            if (status.isEmpty()) {
                err.println("shoal: the running Shoal did not take it within " + Add.STARTING_WAIT.toSeconds()
                        + " s; not added: " + target);
            }
            worst = Math.max(worst, status.orElse(1));
        }
        return worst;
    }

    /**
     * Our own desktop opens them once its window's commands are up (the window queues what comes
     * before it shows), however long that takes. Should the window never come, or refuse, the
     * torrents are added without it rather than lost.
     */
    private static void openWhenReady(Path dataDir, List<String> targets) {
        Handover.inBackground("shoal-desktop-open", "opening the torrent failed", () -> {
            List<String> lines = openLines(targets);
            for (int i = 0; i < lines.size(); i++) {
                Optional<Handover.Answer> opened = Handover.askWhenReady(dataDir, lines.get(i), Add.OWN_START_WAIT);
                opened.ifPresent(answer -> answer.copyTo(System.out, System.err));
                if (opened.isEmpty() || !opened.get().succeeded()) {
                    System.err.println("shoal: the window could not open " + targets.get(i) + "; adding it without");
                    addEach(dataDir, List.of(targets.get(i)), System.err);
                }
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
}
