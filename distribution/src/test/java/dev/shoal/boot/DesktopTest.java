package dev.shoal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopTest {

    @TempDir
    Path dir;

    private boolean wanted(String... args) {
        return Desktop.wanted(BootArgs.parse(args), dir);
    }

    @Test
    void noCommandOrTorrentsOpenTheDesktop() throws IOException {
        Files.writeString(dir.resolve("ubuntu.iso.torrent"), "d4:infod...");
        Files.writeString(dir.resolve("download"), "a file from a browser, no extension");
        assertTrue(wanted());
        assertTrue(wanted("--data-dir", "/tmp/d"));
        assertTrue(wanted("ubuntu.iso.torrent"));
        assertTrue(wanted("missing.TORRENT"), "a .torrent that is gone is still the desktop's to report");
        assertTrue(wanted("download"), "an existing file");
        assertTrue(wanted("magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567"));
        assertTrue(wanted("https://example.org/a.torrent", "--data-dir", "/tmp/d"));
    }

    @Test
    void commandsAndOptionsDoNot() throws IOException {
        Files.writeString(dir.resolve("info"), "a file named like a command");
        assertFalse(wanted("--help"));
        assertFalse(wanted("--version"));
        assertFalse(wanted("info", "x.torrent"));
        assertFalse(wanted("daemon"));
        assertFalse(wanted("cli", "shoal:list"));
        assertFalse(wanted("missing-word"), "neither a file nor a link: the command line reports it");
        assertFalse(wanted("--data-dir", "/tmp/d", "--help"));
    }

    @Test
    void aUnixDesktopNeedsADisplayServer() {
        assertTrue(Desktop.noDisplay("Linux", Map.of()).orElseThrow().contains("DISPLAY is not set"));
        assertEquals(Optional.empty(), Desktop.noDisplay("Linux", Map.of("DISPLAY", ":0")));
        assertEquals(Optional.empty(), Desktop.noDisplay("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0")));
        assertEquals(Optional.empty(), Desktop.noDisplay("Windows 11", Map.of()));
        assertEquals(Optional.empty(), Desktop.noDisplay("Mac OS X", Map.of()));
    }

    @Test
    void eachTargetIsOneOpenLineAndNoneBringsTheWindowUp() {
        assertEquals(List.of("shoal:open"), Desktop.openLines(List.of()));
        assertEquals(List.of("shoal:open '/tmp/a b.torrent'", "shoal:open 'magnet:?xt=urn:btih:00&dn=x'",
                "shoal:open \"/tmp/it's.torrent\""),
                Desktop.openLines(List.of("/tmp/a b.torrent", "magnet:?xt=urn:btih:00&dn=x", "/tmp/it's.torrent")));
    }
}
