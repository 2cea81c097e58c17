package dev.shoal.test.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * Programs from the system that a test compares Shoal with. When one is missing the test is
 * skipped with the reason, or fails when {@code SHOAL_REQUIRE_ALL_TESTS=1} (as on CI), so a
 * machine without the tools cannot pass by skipping.
 */
public final class SystemProgram {

    public static final String REQUIRE_ALL = "SHOAL_REQUIRE_ALL_TESTS";

    /** Debian's python: only it sees the python3-libtorrent package. */
    public static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");

    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    /** The Debian package that brings each program we use. */
    private static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry("transmission-show", "transmission-cli"),
            Map.entry("transmission-create", "transmission-cli"),
            Map.entry("transmission-cli", "transmission-cli"),
            Map.entry("transmission-remote", "transmission-cli"),
            Map.entry("transmission-daemon", "transmission-daemon"),
            Map.entry("aria2c", "aria2"),
            Map.entry("opentracker", "opentracker"),
            Map.entry("mktorrent", "mktorrent"),
            Map.entry("Xvfb", "xvfb"),
            Map.entry("desktop-file-validate", "desktop-file-utils"),
            Map.entry("update-desktop-database", "desktop-file-utils"),
            Map.entry("xdg-mime", "xdg-utils"),
            Map.entry("chromium", "chromium"),
            Map.entry("curl", "curl"),
            Map.entry("miniupnpd", "miniupnpd"),
            Map.entry("nft", "nftables"),
            Map.entry("ip", "iproute2"));

    private SystemProgram() {
    }

    /** The program {@code name} on PATH. */
    public static Path require(String name) {
        Optional<Path> found = onPath(name);
        if (found.isPresent()) {
            return found.get();
        }
        String install = "apt-get install " + PACKAGES.getOrDefault(name, name);
        return missing(name + " is required", name + " is not on PATH", install);
    }

    /** {@link #DEBIAN_PYTHON}, after checking that it can import libtorrent. */
    public static Path requirePythonLibtorrent() {
        String what = "libtorrent for " + DEBIAN_PYTHON;
        String install = "apt-get install python3-libtorrent";
        if (!Files.isExecutable(DEBIAN_PYTHON)) {
            return missing(what + " is required", DEBIAN_PYTHON + " does not exist", install);
        }
        Processes.Result probe = Processes.run(List.of(DEBIAN_PYTHON.toString(), "-c", "import libtorrent"),
                Duration.ofSeconds(30));
        if (probe.exitCode() != 0) {
            return missing(what + " is required", DEBIAN_PYTHON + " cannot import libtorrent: "
                    + probe.stderr().strip(), install);
        }
        return DEBIAN_PYTHON;
    }

    /** The {@code java} of a JDK {@code feature} (e.g. 25) installed under /usr/lib/jvm. */
    public static Path requireJdk(int feature) {
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(JVM_DIR)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(JVM_DIR, "*" + feature + "*")) {
                dirs.forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        candidates.sort(null);
        for (Path home : candidates) {
            Path java = home.resolve("bin").resolve("java");
            if (Files.isExecutable(java)) {
                return java;
            }
        }
        return missing("JDK " + feature + " is required", "no " + JVM_DIR + "/*" + feature + "*/bin/java",
                "install a JDK " + feature + " under " + JVM_DIR + " (e.g. temurin-" + feature + "-jdk)");
    }

    /** A shared library that is not in any of {@code dirs}: skipped, or a failure when all tests are required. */
    static void requireLibrary(String what, String debianPackage, List<Path> dirs) {
        missing(what + " is required", "not found in " + dirs, "apt-get install " + debianPackage);
    }

    /**
     * Skips (or fails when all tests are required) unless {@code present}: for what is not a
     * program on PATH, such as the privilege to make network namespaces.
     */
    public static void requireThat(boolean present, String required, String reason, String howTo) {
        if (!present) {
            missing(required, reason, howTo);
        }
    }

    public static boolean allTestsRequired() {
        return "1".equals(System.getenv(REQUIRE_ALL));
    }

    private static Path missing(String required, String reason, String install) {
        if (allTestsRequired()) {
            fail(required + " (" + REQUIRE_ALL + "=1): " + install + " [" + reason + "]");
        }
        Assumptions.abort(reason + "; skipped (" + install + ", or set " + REQUIRE_ALL + "=1 to make this a failure)");
        throw new AssertionError("unreachable");
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
