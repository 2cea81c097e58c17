package dev.shoal.test.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A virtual X server (Debian's {@code xvfb}) for tests of the desktop window: a display of its own,
 * on a number the server picks ({@code -displayfd}), not listening on TCP. Needs GTK 3 as well (SWT's
 * toolkit on Linux); when either is missing the test is skipped, or fails under
 * {@code SHOAL_REQUIRE_ALL_TESTS=1}. {@link #close()} stops the server.
 */
public final class XvfbDisplay implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final List<Path> LIBRARY_DIRS = List.of(Path.of("/usr/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/usr/lib64"), Path.of("/usr/lib"));

    private final Process server;
    private final String name;

    private XvfbDisplay(Process server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Starts a server with one screen of {@code width} x {@code height} at 24 bits. */
    public static XvfbDisplay start(int width, int height) {
        Path xvfb = SystemProgram.require("Xvfb");
        requireGtk3();
        try {
            Process server = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0",
                    width + "x" + height + "x24", "-nolisten", "tcp", "-noreset")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            try {
                return new XvfbDisplay(server, ":" + displayNumber(server));
            } catch (RuntimeException e) {
                server.destroyForcibly();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + xvfb, e);
        }
    }

    /** The value for {@code DISPLAY}, e.g. {@code :3}. */
    public String name() {
        return name;
    }

    private static String displayNumber(Process server) {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String number = line.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
            if (number == null || !number.strip().matches("\\d+")) {
                throw new IllegalStateException("Xvfb did not say its display number (said " + number + ")");
            }
            return number.strip();
        } catch (TimeoutException e) {
            throw new IllegalStateException("Xvfb gave no display number within " + STARTUP.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading Xvfb's display number", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Xvfb started", e);
        }
    }

    private static void requireGtk3() {
        for (Path dir : LIBRARY_DIRS) {
            if (Files.exists(dir.resolve("libgtk-3.so.0"))) {
                return;
            }
        }
        SystemProgram.requireLibrary("GTK 3 (libgtk-3.so.0, SWT's toolkit)", "libgtk-3-0", LIBRARY_DIRS);
    }

    @Override
    public void close() {
        server.destroy();
        try {
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
