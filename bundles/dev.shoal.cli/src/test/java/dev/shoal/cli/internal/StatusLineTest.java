package dev.shoal.cli.internal;

import static dev.shoal.cli.internal.StatusBuilder.MIB;
import static dev.shoal.cli.internal.StatusBuilder.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;

class StatusLineTest {

    private static final StatusBuilder DOWNLOADING = status().verified((long) (118.4 * MIB)).downloaded(120 * MIB)
            .rates((long) (25.1 * MIB), (long) (1.2 * MIB)).peers(3, 1).uploaded(10 * MIB).eta(Duration.ofSeconds(6));

    @Test
    void downloadingWithArrows() {
        assertEquals("[ 42.1%] 118 MiB/281 MiB  \u2193 25.1 MiB/s \u2191 1.2 MiB/s  ETA 6s  peers 3 (1 seed)  "
                + "sent 10.0 MiB  ratio 0.04", StatusLine.of(DOWNLOADING.build(), SeedGoal.DEFAULT, true));
    }

    @Test
    void downloadingInAscii() {
        assertEquals("[ 42.1%] 118 MiB/281 MiB  down 25.1 MiB/s up 1.2 MiB/s  ETA 6s  peers 3 (1 seed)  "
                + "sent 10.0 MiB  ratio 0.04", StatusLine.of(DOWNLOADING.build(), SeedGoal.DEFAULT, false));
    }

    @Test
    void unknownEtaAndPlurals() {
        String line = StatusLine.of(status().peers(0, 0).build(), SeedGoal.DEFAULT, false);
        assertEquals("[  0.0%] 0 B/281 MiB  down 0 B/s up 0 B/s  ETA --  peers 0 (0 seeds)  sent 0 B  ratio 0.00", line);
    }

    @Test
    void neverShowsAHundredPercentBeforeTheLastByte() {
        String line = StatusLine.of(status().verified(281 * MIB - 1).build(), SeedGoal.DEFAULT, false);
        assertEquals("[ 99.9%]", line.substring(0, 8));
    }

    @Test
    void checking() {
        assertEquals("checking 37.0% (416/1124 pieces)", StatusLine.of(status().checked(416).build(), SeedGoal.DEFAULT, true));
    }

    @Test
    void seedingShowsTheGoal() {
        StatusBuilder seeding = status().state(TorrentState.SEEDING).verified(281 * MIB).uploaded((long) (146.2 * MIB))
                .rates(0, (long) (1.2 * MIB)).peers(2, 0).eta(Duration.ofSeconds(245)).seedingTime(Duration.ofMinutes(12));
        assertEquals("seeding, ratio 0.52/1.00  up 1.2 MiB/s  ETA 4m5s  peers 2 (0 seeds)  sent 146 MiB",
                StatusLine.of(seeding.build(), SeedGoal.DEFAULT, false));
        assertEquals("seeding, ratio 0.52/2.00, 12m/30m  \u2191 1.2 MiB/s  ETA 4m5s  peers 2 (0 seeds)  sent 146 MiB",
                StatusLine.of(seeding.build(), new SeedGoal(OptionalDouble.of(2), Optional.of(Duration.ofMinutes(30))), true));
        assertEquals("seeding, 12m/30m, ratio 0.52  up 1.2 MiB/s  ETA 4m5s  peers 2 (0 seeds)  sent 146 MiB",
                StatusLine.of(seeding.build(), new SeedGoal(OptionalDouble.empty(), Optional.of(Duration.ofMinutes(30))), false));
        assertEquals("seeding, ratio 0.52  up 1.2 MiB/s  ETA 4m5s  peers 2 (0 seeds)  sent 146 MiB",
                StatusLine.of(seeding.build(), SeedGoal.FOREVER, false));
    }

    @Test
    void endStates() {
        assertEquals("finished, ratio 1.00", StatusLine.of(status().state(TorrentState.FINISHED).uploaded(281 * MIB).build(),
                SeedGoal.DEFAULT, false));
        assertEquals("paused", StatusLine.of(status().state(TorrentState.PAUSED).build(), SeedGoal.DEFAULT, false));
        assertEquals("error: disk full", StatusLine.of(status().error("disk full").build(), SeedGoal.DEFAULT, false));
    }

    @Test
    void summaryWithTheAverageRateOverTheDownload() {
        assertEquals("done: downloaded 281 MiB in 1m52s (2.5 MiB/s), uploaded 290 MiB (ratio 1.03), 3m10s in all",
                StatusLine.summary(status().state(TorrentState.FINISHED).downloaded(281 * MIB).uploaded(290 * MIB).build(),
                        Duration.ofSeconds(190), Duration.ofSeconds(112)));
    }

    @Test
    void summaryOfASeedWithNothingToDownload() {
        assertEquals("done: downloaded 0 B, uploaded 281 MiB (ratio 1.00), 45m in all",
                StatusLine.summary(status().state(TorrentState.FINISHED).uploaded(281 * MIB).build(),
                        Duration.ofMinutes(45), Duration.ZERO));
    }
}
