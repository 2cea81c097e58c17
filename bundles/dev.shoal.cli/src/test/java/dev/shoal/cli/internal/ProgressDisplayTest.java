package dev.shoal.cli.internal;

import static dev.shoal.cli.internal.FakeTicker.seconds;
import static dev.shoal.cli.internal.StatusBuilder.MIB;
import static dev.shoal.cli.internal.StatusBuilder.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;

class ProgressDisplayTest {

    private final StringWriter text = new StringWriter();

    private ProgressDisplay display(Terminal terminal, boolean quiet) {
        return new ProgressDisplay(new PrintWriter(text, true), terminal, quiet, SeedGoal.DEFAULT, 0);
    }

    private static TorrentStatus downloading(long mib) {
        return status().verified(mib * MIB).downloaded(mib * MIB).peers(1, 1).build();
    }

    @Test
    void onATerminalOneLineIsRedrawnEverySecondAndCutToTheWidth() {
        ProgressDisplay display = display(new Terminal(true, false, 60), false);
        for (int tenth = 0; tenth <= 25; tenth++) {
            display.show(downloading(tenth), seconds(tenth / 10.0));
        }
        display.close();
        String out = text.toString();
        assertFalse(out.contains("\u001b"), "no escape codes: " + out);
        String[] draws = out.split("\r", -1);
        // "" before the first \r, then draws at 0 s, 1 s, 2 s, and the final newline.
        assertEquals(4, draws.length, out);
        assertTrue(draws[1].startsWith("[  0.0%] 0 B/281 MiB"), draws[1]);
        assertTrue(draws[2].startsWith("[  3.5%] 10.0 MiB/281 MiB"), draws[2]);
        for (int i = 1; i < draws.length; i++) {
            String line = draws[i].replace("\n", "");
            assertTrue(line.length() <= 59, "fits in 59 columns: '" + line + "'");
            assertTrue(line.trim().endsWith("..."), line);
        }
        assertTrue(out.endsWith("\n"), "the line is ended so what follows starts afresh");
    }

    @Test
    void aShorterLinePaintsSpacesOverTheRestOfTheLongerOne() {
        ProgressDisplay display = display(new Terminal(true, true, 200), false);
        display.show(downloading(10), 0);
        int first = text.toString().length() - 1;
        display.show(status().checked(1).build(), seconds(0.1));
        String second = text.toString().substring(first + 1);
        assertEquals(first + 1, second.length(), "as long as the line it covers: '" + second + "'");
        assertTrue(second.startsWith("\rchecking 0.0% (1/1124 pieces)   "), second);
    }

    @Test
    void elsewhereAFullLineEveryFiveSecondsAndAtEachChangeOfState() {
        ProgressDisplay display = display(Terminal.LOG, false);
        display.show(status().checked(10).build(), 0);
        display.show(status().checked(20).build(), seconds(1));
        display.show(downloading(1), seconds(2));        // state change: shown
        display.show(downloading(2), seconds(4));
        display.show(downloading(3), seconds(6.9));
        display.show(downloading(4), seconds(7));        // 5 s after the last: shown
        display.show(downloading(5), seconds(11));
        display.show(status().state(TorrentState.SEEDING).verified(281 * MIB).build(), seconds(11.5)); // shown
        display.close();
        String[] lines = text.toString().split("\n");
        assertEquals(4, lines.length, text.toString());
        assertTrue(lines[0].startsWith("checking 0.8%"), lines[0]);
        assertTrue(lines[1].startsWith("[  0.3%] 1.0 MiB/281 MiB  down 0 B/s up 0 B/s"), lines[1]);
        assertTrue(lines[2].startsWith("[  1.4%] 4.0 MiB/281 MiB"), lines[2]);
        assertTrue(lines[3].startsWith("seeding, ratio 0.00/1.00"), lines[3]);
        assertFalse(text.toString().contains("\r"));
    }

    @Test
    void summaryAfterTheLastLineWithTheDownloadTime() {
        ProgressDisplay display = display(new Terminal(true, true, 200), false);
        display.show(status().checked(5).build(), 0);
        display.show(downloading(1), seconds(10));
        display.show(status().state(TorrentState.SEEDING).verified(281 * MIB).downloaded(281 * MIB).build(), seconds(122));
        display.summary(status().state(TorrentState.FINISHED).verified(281 * MIB).downloaded(281 * MIB)
                .uploaded(281 * MIB).build(), seconds(200));
        String out = text.toString();
        assertTrue(out.endsWith("\ndone: downloaded 281 MiB in 1m52s (2.5 MiB/s), uploaded 281 MiB (ratio 1.00), "
                + "3m20s in all\n"), out);
        display.show(downloading(1), seconds(300));
        assertEquals(out, text.toString(), "nothing after the summary");
    }

    @Test
    void quietShowsNothing() {
        ProgressDisplay display = display(new Terminal(true, true, 80), true);
        display.show(downloading(1), 0);
        display.show(downloading(2), seconds(10));
        display.summary(status().state(TorrentState.FINISHED).build(), seconds(20));
        assertEquals("", text.toString());
    }

    @Test
    void intervalsAreAsDocumented() {
        assertEquals(Duration.ofSeconds(1), ProgressDisplay.TERMINAL_INTERVAL);
        assertEquals(Duration.ofSeconds(5), ProgressDisplay.LOG_INTERVAL);
    }
}
