package dev.shoal.cli.internal;

import static dev.shoal.cli.internal.FakeTicker.seconds;
import static dev.shoal.cli.internal.StatusBuilder.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.shoal.engine.api.TorrentState;

/** The give-up rule as a function of status snapshots over time. */
class GiveUpRuleTest {

    private static final String A = "http://127.0.0.1:1/announce";
    private static final String B = "udp://127.0.0.1:2";

    private static StatusBuilder unreachable() {
        return status().tracker(A, false, "connection refused").tracker(B, false, null);
    }

    @Test
    void givesUpWhenNothingAnsweredForTheWholeLimit() {
        GiveUpRule rule = new GiveUpRule(Duration.ofSeconds(60));
        for (int s = 0; s < 60; s++) {
            assertEquals(Optional.empty(), rule.check(unreachable().build(), seconds(s)), "at " + s + " s");
        }
        assertEquals(Optional.of("no tracker or peer reachable within 1m (" + A + ": connection refused; " + B
                + ": no answer)"), rule.check(unreachable().build(), seconds(60)));
    }

    @Test
    void aTrackerThatComesUpWithinTheLimitKeepsUsGoing() {
        GiveUpRule rule = new GiveUpRule(Duration.ofSeconds(60));
        assertEquals(Optional.empty(), rule.check(unreachable().build(), 0));
        assertEquals(Optional.empty(), rule.check(unreachable().build(), seconds(30)));
        assertEquals(Optional.empty(), rule.check(status().tracker(A, true, null).build(), seconds(59)));
        // It answered once, with no peers, then went away again: still not a reason to give up.
        for (int s = 60; s < 3600; s += 10) {
            assertEquals(Optional.empty(), rule.check(unreachable().build(), seconds(s)));
        }
    }

    @Test
    void aPeerOrDownloadedBytesAreSignsOfLifeToo() {
        GiveUpRule peer = new GiveUpRule(Duration.ofSeconds(10));
        peer.check(unreachable().peers(1, 0).build(), seconds(5));
        assertEquals(Optional.empty(), peer.check(unreachable().build(), seconds(100)));

        GiveUpRule bytes = new GiveUpRule(Duration.ofSeconds(10));
        bytes.check(unreachable().downloaded(16384).build(), seconds(5));
        assertEquals(Optional.empty(), bytes.check(unreachable().downloaded(16384).build(), seconds(100)));
    }

    @Test
    void theClockStartsWhenCheckingEnds() {
        GiveUpRule rule = new GiveUpRule(Duration.ofSeconds(60));
        for (int s = 0; s <= 600; s += 10) {
            assertEquals(Optional.empty(), rule.check(unreachable().checked(s).build(), seconds(s)));
        }
        assertEquals(Optional.empty(), rule.check(unreachable().build(), seconds(601)));
        assertEquals(Optional.empty(), rule.check(unreachable().build(), seconds(660)));
        assertTrue(rule.check(unreachable().build(), seconds(661)).isPresent());
    }

    @Test
    void aSeedNobodyCanReachGivesUpToo() {
        GiveUpRule rule = new GiveUpRule(Duration.ofSeconds(30));
        rule.check(unreachable().state(TorrentState.SEEDING).build(), 0);
        assertTrue(rule.check(unreachable().state(TorrentState.SEEDING).build(), seconds(30)).isPresent());
    }

    @Test
    void zeroWaitsForever() {
        GiveUpRule rule = new GiveUpRule(Duration.ZERO);
        rule.check(unreachable().build(), 0);
        assertEquals(Optional.empty(), rule.check(unreachable().build(), seconds(1_000_000)));
    }

    @Test
    void namesThreeTrackersAtMostAndSaysWhenThereAreNone() {
        GiveUpRule none = new GiveUpRule(Duration.ofSeconds(5));
        none.check(status().build(), 0);
        assertEquals(Optional.of("no tracker or peer reachable within 5s (the torrent lists no trackers)"),
                none.check(status().build(), seconds(5)));

        StatusBuilder many = status();
        for (int i = 1; i <= 5; i++) {
            many.tracker("http://t" + i + "/announce", false, "timed out");
        }
        GiveUpRule rule = new GiveUpRule(Duration.ofMinutes(2));
        rule.check(many.build(), 0);
        assertEquals(Optional.of("no tracker or peer reachable within 2m (http://t1/announce: timed out; "
                + "http://t2/announce: timed out; http://t3/announce: timed out; and 2 more)"),
                rule.check(many.build(), seconds(120)));
    }
}
