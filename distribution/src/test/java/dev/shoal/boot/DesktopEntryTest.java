package dev.shoal.boot;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.Processes;
import dev.shoal.test.support.SystemProgram;

/** {@code --install-desktop}: the files it writes, their content, and the desktop's tools on them. */
class DesktopEntryTest {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private DesktopEntry entry(Map<String, String> env) {
        return new DesktopEntry(temp.resolve("data"), new DesktopTools(env),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The environment of a user whose data and config folders are the test's own. */
    private Map<String, String> isolatedEnv() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", Files.createDirectories(temp.resolve("home")).toString());
        env.put("XDG_DATA_HOME", temp.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", Files.createDirectories(temp.resolve("config")).toString());
        env.put("XDG_DATA_DIRS", temp.resolve("data").toString());
        return env;
    }

    @Test
    void writesTheEntryAndBothIconsWithoutTheTools() throws IOException {
        DesktopEntry entry = entry(Map.of("PATH", ""));
        entry.install(DesktopEntry.exec("/opt/shoal/shoal", Path.of("unused.jar")));

        Path desktop = temp.resolve("data/applications/shoal.desktop");
        List<String> content = Files.readAllLines(desktop);
        BufferedImage png = ImageIO.read(temp.resolve("data/icons/hicolor/256x256/apps/shoal.png").toFile());
        assertAll(String.join("\n", lines()),
                () -> assertEquals("[Desktop Entry]", content.get(0)),
                () -> assertTrue(content.contains("MimeType=application/x-bittorrent;x-scheme-handler/magnet;"), "MimeType"),
                () -> assertTrue(content.contains("Exec=/opt/shoal/shoal %U"), "Exec runs the launcher"),
                () -> assertTrue(content.contains("Type=Application"), "Type"),
                () -> assertTrue(content.contains("Icon=shoal"), "Icon"),
                () -> assertTrue(content.contains("Terminal=false"), "Terminal"),
                () -> assertTrue(content.contains("Categories=Network;FileTransfer;P2P;"), "Categories"),
                () -> assertTrue(content.contains("StartupWMClass=Shoal"), "StartupWMClass"),
                () -> assertArrayEquals(resource("shoal.svg"),
                        Files.readAllBytes(temp.resolve("data/icons/hicolor/scalable/apps/shoal.svg")), "SVG icon"),
                () -> assertNotNull(png, "the PNG icon decodes"),
                () -> assertEquals(256, png.getWidth(), "PNG width"),
                () -> assertEquals(256, png.getHeight(), "PNG height"),
                () -> assertEquals(List.of(
                        "wrote " + desktop,
                        "wrote " + temp.resolve("data/icons/hicolor/scalable/apps/shoal.svg"),
                        "wrote " + temp.resolve("data/icons/hicolor/256x256/apps/shoal.png")),
                        lines().subList(0, 3), "one line per file"),
                () -> assertTrue(lines().get(3).startsWith("skipped update-desktop-database " + temp.resolve("data/applications")
                        + ": update-desktop-database is not installed"), lines().get(3)),
                () -> assertTrue(lines().get(4).startsWith("skipped xdg-mime default shoal.desktop"), lines().get(4)),
                () -> assertEquals(5, lines().size(), "lines printed"),
                () -> assertFalse(Files.exists(desktop.resolveSibling("shoal.desktop.tmp")), "no temporary file left"));
    }

    @Test
    void theEntryPassesDesktopFileValidate() throws IOException {
        Path validate = SystemProgram.require("desktop-file-validate");
        // A launcher path that needs every kind of escaping the Exec key has.
        entry(Map.of("PATH", "")).install(DesktopEntry.exec("/home/ann/My Apps/100% $hoal\\x/shoal", Path.of("x.jar")));
        Path desktop = temp.resolve("data/applications/shoal.desktop");

        Processes.Result result = Processes.run(List.of(validate.toString(), desktop.toString()), TOOL_TIMEOUT);

        assertAll(result.describe(),
                () -> assertEquals(0, result.exitCode(), "exit code"),
                () -> assertEquals("", (result.stdout() + result.stderr()).strip(), "no complaints"));
    }

    @Test
    void theDesktopDatabaseAndTheDefaultApplicationFollow() throws IOException {
        Path xdgMime = SystemProgram.require("xdg-mime");
        SystemProgram.require("update-desktop-database");
        Map<String, String> env = isolatedEnv();

        entry(env).install(DesktopEntry.exec(null, temp.resolve("shoal.jar")));

        String cache = Files.readString(temp.resolve("data/applications/mimeinfo.cache"));
        String mimeapps = Files.readString(temp.resolve("config/mimeapps.list"));
        Processes.Result query = Processes.run(List.of(xdgMime.toString(), "query", "default", "x-scheme-handler/magnet"),
                env, temp, TOOL_TIMEOUT);
        assertAll(String.join("\n", lines()),
                () -> assertEquals("ran update-desktop-database " + temp.resolve("data/applications"), lines().get(3)),
                () -> assertEquals("ran xdg-mime default shoal.desktop application/x-bittorrent x-scheme-handler/magnet",
                        lines().get(4)),
                () -> assertTrue(cache.contains("application/x-bittorrent=shoal.desktop;"), cache),
                () -> assertTrue(cache.contains("x-scheme-handler/magnet=shoal.desktop;"), cache),
                () -> assertTrue(mimeapps.contains("application/x-bittorrent=shoal.desktop"), mimeapps),
                () -> assertTrue(mimeapps.contains("x-scheme-handler/magnet=shoal.desktop"), mimeapps),
                () -> assertEquals("shoal.desktop", query.stdout().strip(), "xdg-mime query default: " + query.describe()));
    }

    @Test
    void uninstallRemovesWhatInstallWrote() throws IOException {
        DesktopEntry entry = entry(Map.of("PATH", ""));
        entry.install(DesktopEntry.exec(null, temp.resolve("shoal.jar")));
        printed.reset();

        entry.uninstall();
        List<String> first = lines();
        printed.reset();
        entry.uninstall();

        assertAll(
                () -> assertEquals(List.of("removed " + entry.desktopFile(), "removed " + entry.svgIcon(),
                        "removed " + entry.pngIcon()), first.subList(0, 3)),
                () -> assertFalse(Files.exists(entry.desktopFile()), "entry removed"),
                () -> assertFalse(Files.exists(entry.svgIcon()), "SVG removed"),
                () -> assertFalse(Files.exists(entry.pngIcon()), "PNG removed"),
                () -> assertEquals("not there: " + entry.desktopFile(), lines().get(0), "a second uninstall"));
    }

    @Test
    void aFailingToolIsANoteWithItsExitCode() {
        String note = new DesktopTools(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")))
                .run("false", "coreutils");
        assertEquals("false failed (exit 1): no output", note);
    }

    @Nested
    class Command {

        @Test
        void takesNoOtherArguments() {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = DesktopEntry.run(new String[] {"--install-desktop", "x"}, Map.of("PATH", ""),
                    temp.toString(), new PrintStream(printed, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertAll(
                    () -> assertEquals(2, code),
                    () -> assertEquals("shoal: --install-desktop takes no other arguments\n", err.toString(StandardCharsets.UTF_8)),
                    () -> assertFalse(Files.exists(temp.resolve(".local")), "nothing written"));
        }

        @Test
        void isRequestedOnlyAsTheFirstArgument() {
            assertAll(
                    () -> assertEquals("--install-desktop", DesktopEntry.requested(new String[] {"--install-desktop"}).orElseThrow()),
                    () -> assertEquals("--uninstall-desktop", DesktopEntry.requested(new String[] {"--uninstall-desktop"}).orElseThrow()),
                    () -> assertTrue(DesktopEntry.requested(new String[] {"get", "--install-desktop"}).isEmpty()),
                    () -> assertTrue(DesktopEntry.requested(new String[0]).isEmpty()));
        }
    }

    @Nested
    class Locations {

        @Test
        void xdgDataHomeWhenAbsolute() {
            assertEquals(Path.of("/srv/data"), DesktopEntry.dataHome(Map.of("XDG_DATA_HOME", "/srv/data"), "/home/ann"));
        }

        @Test
        void homeLocalShareWhenUnsetEmptyOrRelative() {
            Path fallback = Path.of("/home/ann/.local/share");
            assertAll(
                    () -> assertEquals(fallback, DesktopEntry.dataHome(Map.of(), "/home/ann")),
                    () -> assertEquals(fallback, DesktopEntry.dataHome(Map.of("XDG_DATA_HOME", ""), "/home/ann")),
                    () -> assertEquals(fallback, DesktopEntry.dataHome(Map.of("XDG_DATA_HOME", "data"), "/home/ann")));
        }
    }

    @Nested
    class Exec {

        @Test
        void theLauncherWhenTheScriptStartedUs() {
            assertEquals("/opt/shoal/shoal", DesktopEntry.exec("/opt/shoal/./shoal", Path.of("/opt/shoal/x.jar")));
        }

        @Test
        void javaDashJarOtherwise() {
            assertAll(
                    () -> assertEquals("java -jar /opt/shoal.jar", DesktopEntry.exec(null, Path.of("/opt/shoal.jar"))),
                    () -> assertEquals("java -jar /opt/shoal.jar", DesktopEntry.exec("", Path.of("/opt/shoal.jar"))));
        }

        @Test
        void plainArgumentsStayAsTheyAre() {
            assertEquals("/usr/local/bin/shoal-1.0_x", DesktopEntry.quote("/usr/local/bin/shoal-1.0_x"));
        }

        @Test
        void reservedCharactersAreQuotedAndEscaped() {
            assertAll(
                    () -> assertEquals("\"/home/ann/My Apps/shoal\"", DesktopEntry.quote("/home/ann/My Apps/shoal")),
                    // $ escaped inside the quotes (\$), then the backslash doubled for the string value.
                    () -> assertEquals("\"/a/\\\\$b\"", DesktopEntry.quote("/a/$b")),
                    () -> assertEquals("\"/a/\\\\\\\\b\"", DesktopEntry.quote("/a/\\b")),
                    () -> assertEquals("\"/a/\\\\\"b\"", DesktopEntry.quote("/a/\"b")));
        }

        @Test
        void percentIsDoubledSoItIsNoFieldCode() {
            assertEquals("/a/100%%", DesktopEntry.quote("/a/100%"));
        }

        @Test
        void aLineBreakIsRefused() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DesktopEntry.quote("/a\nb"));
            assertTrue(e.getMessage().contains("/a?b"), e.getMessage());
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DesktopEntry.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }
}
