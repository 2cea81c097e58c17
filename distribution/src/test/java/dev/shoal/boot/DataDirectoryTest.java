package dev.shoal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Where the data directory ends up, for every way a user can name it and every platform default. */
class DataDirectoryTest {

    private static final String LINUX = "Linux";
    private static final String HOME = "/home/ann";
    private static final Path LINUX_DEFAULT = Path.of(HOME, ".local", "share", "shoal");

    private static Path resolve(Map<String, String> env, String os, String... args) {
        return DataDirectory.resolve(args, env, os, HOME);
    }

    private static Path cwd(String relative) {
        return Path.of("").toAbsolutePath().resolve(relative).normalize();
    }

    @Nested
    class Option {

        @Test
        void separateValue() {
            assertEquals(Path.of("/srv/shoal"), resolve(Map.of(), LINUX, "--data-dir", "/srv/shoal", "info", "x.torrent"));
        }

        @Test
        void attachedValue() {
            assertEquals(Path.of("/srv/shoal"), resolve(Map.of(), LINUX, "--data-dir=/srv/shoal", "info"));
        }

        @Test
        void afterTheCommand() {
            assertEquals(Path.of("/srv/shoal"), resolve(Map.of(), LINUX, "info", "x.torrent", "--data-dir", "/srv/shoal"));
        }

        @Test
        void relativeValueIsMadeAbsoluteAndNormalized() {
            assertEquals(cwd("state"), resolve(Map.of(), LINUX, "--data-dir", "tmp/../state"));
            assertEquals(cwd("state"), resolve(Map.of(), LINUX, "--data-dir=./state"));
        }

        @Test
        void winsOverTheEnvironment() {
            Map<String, String> env = Map.of("SHOAL_DATA_DIR", "/from/env", "XDG_DATA_HOME", "/xdg");
            assertEquals(Path.of("/from/option"), resolve(env, LINUX, "--data-dir", "/from/option"));
        }

        @Test
        void firstOneWins() {
            assertEquals(Path.of("/first"), resolve(Map.of(), LINUX, "--data-dir=/first", "--data-dir", "/second"));
        }

        @Test
        void withoutAValueItIsIgnored() {
            assertEquals(Path.of("/from/env"), resolve(Map.of("SHOAL_DATA_DIR", "/from/env"), LINUX, "info", "--data-dir"));
            assertEquals(LINUX_DEFAULT, resolve(Map.of(), LINUX, "--data-dir"));
        }

        @Test
        void afterDoubleDashItIsAnArgument() {
            assertEquals(LINUX_DEFAULT, resolve(Map.of(), LINUX, "create", "--", "--data-dir", "/not/an/option"));
            assertEquals(LINUX_DEFAULT, resolve(Map.of(), LINUX, "create", "--", "--data-dir=/not/an/option"));
        }

        @Test
        void similarOptionNamesDoNotCount() {
            assertEquals(LINUX_DEFAULT, resolve(Map.of(), LINUX, "--data-directory", "/nope", "--data-dirs=/nope"));
        }
    }

    @Nested
    class Environment {

        @Test
        void shoalDataDir() {
            assertEquals(Path.of("/var/lib/shoal"), resolve(Map.of("SHOAL_DATA_DIR", "/var/lib/shoal"), LINUX));
        }

        @Test
        void shoalDataDirWinsOverEveryPlatformDefault() {
            Map<String, String> env = Map.of("SHOAL_DATA_DIR", "/d", "XDG_DATA_HOME", "/xdg", "LOCALAPPDATA", "/lad");
            assertEquals(Path.of("/d"), resolve(env, LINUX));
            assertEquals(Path.of("/d"), resolve(env, "Mac OS X"));
            assertEquals(Path.of("/d"), resolve(env, "Windows 11"));
        }

        @Test
        void relativeShoalDataDirIsMadeAbsolute() {
            assertEquals(cwd("rel/dir"), resolve(Map.of("SHOAL_DATA_DIR", "rel/./dir"), LINUX));
        }

        @Test
        void blankShoalDataDirIsIgnored() {
            assertEquals(LINUX_DEFAULT, resolve(Map.of("SHOAL_DATA_DIR", "  "), LINUX));
            assertEquals(LINUX_DEFAULT, resolve(Map.of("SHOAL_DATA_DIR", ""), LINUX));
        }
    }

    @Nested
    class PlatformDefault {

        @Test
        void linuxWithoutXdg() {
            assertEquals(LINUX_DEFAULT, resolve(Map.of(), LINUX));
        }

        @Test
        void linuxWithAbsoluteXdgDataHome() {
            assertEquals(Path.of("/data/xdg/shoal"), resolve(Map.of("XDG_DATA_HOME", "/data/xdg"), LINUX));
        }

        @Test
        void relativeXdgDataHomeIsIgnored() {
            // The XDG Base Directory spec: a relative path there is invalid and must be ignored.
            assertEquals(LINUX_DEFAULT, resolve(Map.of("XDG_DATA_HOME", "relative/xdg"), LINUX));
        }

        @Test
        void otherUnixesFollowXdgToo() {
            assertEquals(Path.of("/data/xdg/shoal"), resolve(Map.of("XDG_DATA_HOME", "/data/xdg"), "FreeBSD"));
            assertEquals(LINUX_DEFAULT, resolve(Map.of(), "SunOS"));
        }

        @Test
        void macOs() {
            Path expected = Path.of(HOME, "Library", "Application Support", "Shoal");
            assertEquals(expected, resolve(Map.of(), "Mac OS X"));
            assertEquals(expected, resolve(Map.of("XDG_DATA_HOME", "/data/xdg"), "Mac OS X"), "XDG is not used on macOS");
        }

        @Test
        void windowsWithLocalAppData() {
            String localAppData = "/c/Users/ann/AppData/Local";
            assertEquals(Path.of(localAppData).resolve("Shoal"), resolve(Map.of("LOCALAPPDATA", localAppData), "Windows 11"));
            assertEquals(Path.of(localAppData).resolve("Shoal"), resolve(Map.of("LOCALAPPDATA", localAppData), "WINDOWS 10"));
        }

        @Test
        void windowsWithoutLocalAppData() {
            Path expected = Path.of(HOME, "AppData", "Local", "Shoal");
            assertEquals(expected, resolve(Map.of(), "Windows Server 2022"));
            assertEquals(expected, resolve(Map.of("LOCALAPPDATA", " "), "Windows 11"));
            assertEquals(expected, resolve(Map.of("XDG_DATA_HOME", "/data/xdg"), "Windows 11"), "XDG is not used on Windows");
        }
    }
}
