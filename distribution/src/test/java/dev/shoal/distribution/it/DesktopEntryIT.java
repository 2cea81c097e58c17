package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.Processes;

/** {@code shoal --install-desktop} and {@code --uninstall-desktop} as a user runs them, in a temp XDG home. */
class DesktopEntryIT {

    @TempDir
    Path work;

    private Map<String, String> xdg() throws IOException {
        return Map.of(
                "XDG_DATA_HOME", work.resolve("data").toString(),
                "XDG_CONFIG_HOME", Files.createDirectories(work.resolve("config")).toString(),
                "XDG_DATA_DIRS", work.resolve("data").toString(),
                "HOME", Files.createDirectories(work.resolve("home")).toString());
    }

    private Path desktopFile() {
        return work.resolve("data/applications/shoal.desktop");
    }

    @Test
    void installsAnEntryThatRunsTheJarThenUninstallsIt() throws IOException {
        Shoal shoal = new Shoal(work);
        Processes.Result installed = shoal.run(xdg(), "--install-desktop").assertSuccess();
        List<String> entry = Files.readAllLines(desktopFile());
        Path svg = work.resolve("data/icons/hicolor/scalable/apps/shoal.svg");
        Path png = work.resolve("data/icons/hicolor/256x256/apps/shoal.png");

        assertAll(installed.describe(),
                () -> assertTrue(entry.contains("Exec=java -jar " + Shoal.jar().toAbsolutePath().normalize() + " %U"),
                        "Exec runs the jar: " + entry),
                () -> assertTrue(entry.contains("MimeType=application/x-bittorrent;x-scheme-handler/magnet;"), "MimeType"),
                () -> assertArrayEquals(resource("shoal.svg"), Files.readAllBytes(svg), "the SVG icon from the jar"),
                () -> assertArrayEquals(resource("shoal.png"), Files.readAllBytes(png), "the PNG icon from the jar"),
                () -> assertEquals(List.of("wrote " + desktopFile(), "wrote " + svg, "wrote " + png),
                        installed.stdout().lines().limit(3).toList(), "one line per file"),
                () -> assertEquals(5, installed.stdout().lines().count(), "and one per desktop tool"),
                // The fixture's own plugins/*.cfg (ShoalDaemon.extrasOff) are all the data directory may hold.
                () -> assertEquals(List.of("plugins"), listing(work.resolve("shoal-data")), "nothing written for this"));

        Processes.Result removed = shoal.run(xdg(), "--uninstall-desktop").assertSuccess();
        assertAll(removed.describe(),
                () -> assertFalse(Files.exists(desktopFile()), "entry removed"),
                () -> assertFalse(Files.exists(svg), "SVG removed"),
                () -> assertFalse(Files.exists(png), "PNG removed"));
    }

    @Test
    void theEntryRunsTheLauncherThatStartedIt() throws IOException {
        // What the shoal script exports; its path in the entry keeps the script's JVM options.
        Path launcher = Shoal.launcherScript().toAbsolutePath().normalize();
        Map<String, String> env = new HashMap<>(xdg());
        env.put("SHOAL_LAUNCHER", launcher.toString());

        new Shoal(work).run(env, "--install-desktop").assertSuccess();

        assertTrue(Files.readAllLines(desktopFile()).contains("Exec=" + launcher + " %U"),
                () -> "Exec runs " + launcher + ": " + readQuietly(desktopFile()));
    }

    @Test
    void extraArgumentsAreAUsageError() throws IOException {
        Processes.Result result = new Shoal(work).run(xdg(), "--install-desktop", "now");
        assertAll(result.describe(),
                () -> assertEquals(2, result.exitCode(), "exit code"),
                () -> assertEquals("shoal: --install-desktop takes no other arguments", result.stderr().strip()),
                () -> assertFalse(Files.exists(work.resolve("data")), "nothing written"));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DesktopEntryIT.class.getResourceAsStream("/dev/shoal/boot/" + name)) {
            assertTrue(in != null, name + " is on the test class path");
            return in.readAllBytes();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }
}
