package dev.shoal.boot;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The desktop's own programs (update-desktop-database, xdg-mime) that {@link DesktopEntry} runs when
 * they are installed: looked up on the given environment's PATH and run with that environment, each
 * bounded in time. A missing or failing one is a note, not an error: the files are in place anyway.
 */
final class DesktopTools {

    private static final long TIMEOUT_SECONDS = 30;
    private static final int NOTE_LIMIT = 200;

    private final Map<String, String> env;

    DesktopTools(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Runs {@code program args} and says in one line what happened; {@code debianPackage} brings it. */
    String run(String program, String debianPackage, String... args) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(List.of(args));
        String shown = String.join(" ", command);
        Optional<Path> found = find(program);
        if (found.isEmpty()) {
            return "skipped " + shown + ": " + program + " is not installed (Debian: apt-get install " + debianPackage + ")";
        }
        command.set(0, found.get().toString());
        Path output = null;
        try {
            output = Files.createTempFile("shoal-" + program, ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "gave up on " + shown + " after " + TIMEOUT_SECONDS + " s";
            }
            if (process.exitValue() != 0) {
                return shown + " failed (exit " + process.exitValue() + "): " + firstLine(output);
            }
            return "ran " + shown;
        } catch (IOException e) {
            return shown + " failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return shown + " was interrupted";
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** {@code program} in one of PATH's folders, as a shell would find it. */
    Optional<Path> find(String program) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String firstLine(Path output) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(output)) {
            head = in.readNBytes(4096);
        }
        String text = new String(head, StandardCharsets.UTF_8).strip();
        String line = text.lines().findFirst().orElse("no output");
        return line.length() > NOTE_LIMIT ? line.substring(0, NOTE_LIMIT) + "…" : line;
    }
}
