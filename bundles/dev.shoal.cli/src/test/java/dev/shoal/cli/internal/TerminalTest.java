package dev.shoal.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class TerminalTest {

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void arrowsOnlyWhenTheTerminalDecodesWhatWeWrite() {
        assertTrue(Terminal.canShowArrows(props("stdout.encoding", "UTF-8"), StandardCharsets.UTF_8));
        assertTrue(Terminal.canShowArrows(props("native.encoding", "UTF-8"), StandardCharsets.UTF_8));
        assertTrue(Terminal.canShowArrows(props(), StandardCharsets.UTF_8));
        // A C locale: the terminal is ASCII whatever the JVM writes.
        assertFalse(Terminal.canShowArrows(props("stdout.encoding", "US-ASCII"), StandardCharsets.UTF_8));
        assertFalse(Terminal.canShowArrows(props("native.encoding", "ANSI_X3.4-1968"), StandardCharsets.UTF_8));
        // The JVM writes Latin-1, which has no arrows.
        assertFalse(Terminal.canShowArrows(props("native.encoding", "ISO-8859-1"), StandardCharsets.ISO_8859_1));
        // stdout.encoding wins over native.encoding; nonsense names are skipped.
        assertTrue(Terminal.canShowArrows(props("stdout.encoding", "UTF-8", "native.encoding", "US-ASCII"),
                StandardCharsets.UTF_8));
        assertTrue(Terminal.canShowArrows(props("stdout.encoding", "no such charset", "native.encoding", "UTF-8"),
                StandardCharsets.UTF_8));
    }

    @Test
    void columnsFromTheEnvironmentElseEighty() {
        assertEquals(80, Terminal.columns(Map.of()));
        assertEquals(132, Terminal.columns(Map.of("COLUMNS", "132")));
        assertEquals(20, Terminal.columns(Map.of("COLUMNS", "12")));
        assertEquals(80, Terminal.columns(Map.of("COLUMNS", "wide")));
    }

    @Test
    void noConsoleIsNoTerminal() {
        assertFalse(Terminal.isTerminal(null));
    }
}
