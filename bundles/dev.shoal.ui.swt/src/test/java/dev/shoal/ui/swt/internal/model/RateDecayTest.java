package dev.shoal.ui.swt.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.shoal.engine.api.TorrentState;
import org.junit.jupiter.api.Test;

/** Stale rates zeroed, by the counters and the clock handed in: no time passes here. */
class RateDecayTest {

    private final RateDecay decay = new RateDecay();

    private static TorrentRow row(int id, long down, long up, int peers) {
        return new TorrentRow(id, "t" + id, 1000, 0.5, TorrentState.DOWNLOADING, down, up, 60, peers, peers, 0, 0, "");
    }

    private TorrentRow poll(TorrentRow row, long downloaded, long uploaded, long now) {
        TorrentRow shown = decay.apply(row, downloaded, uploaded, now);
        decay.endPoll();
        return shown;
    }

    @Test
    void aMovingCounterKeepsTheEnginesRate() {
        TorrentRow moving = row(1, 5000, 700, 3);
        assertSame(moving, poll(moving, 0, 0, 0));
        for (long t = 1000; t <= 20_000; t += 1000) {
            assertSame(moving, poll(moving, t * 5, t, t), "the counters moved, the rate is the engine's");
        }
    }

    @Test
    void aCounterStandingStillZeroesItsRateOnlyOnceStale() {
        TorrentRow row = row(1, 5000, 700, 3);
        poll(row, 100, 50, 0);
        assertEquals(5000, poll(row, 100, 60, RateDecay.STALE_MILLIS - 1).downRate());
        TorrentRow stale = poll(row, 100, 70, RateDecay.STALE_MILLIS);
        assertEquals(0, stale.downRate(), "downloaded stood still for the stale time");
        assertEquals(700, stale.upRate(), "uploaded moved: its rate stays");
        assertEquals(-1, stale.etaSeconds(), "no rate, no time to complete");
        assertEquals(5000, poll(row, 101, 80, RateDecay.STALE_MILLIS + 1).downRate(), "moving again");
    }

    @Test
    void noPeerNoRateAtOnce() {
        TorrentRow gone = row(1, 4_400_000, 300, 0);
        TorrentRow shown = poll(gone, 1 << 30, 1 << 20, 0);
        assertEquals(0, shown.downRate());
        assertEquals(0, shown.upRate());
    }

    @Test
    void torrentsGoneAreForgotten() {
        TorrentRow row = row(1, 5000, 0, 1);
        poll(row, 100, 0, 0);
        poll(row(2, 1, 1, 1), 0, 0, 10_000); // torrent 1 not seen in this poll
        assertEquals(5000, poll(row, 100, 0, 20_000).downRate(), "seen anew: not stale");
    }
}
