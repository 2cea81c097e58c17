package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Records reach the store only when they changed, and a seed's clock alone only now and then. */
class RecordKeeperTest {

    private final List<TorrentRecord> written = new ArrayList<>();
    private final RecordKeeper keeper = new RecordKeeper(written::add);

    @Test
    void an_unchanged_record_is_written_once_however_often_it_is_kept() {
        TorrentRecord paused = RecordCodecTest.record(TorrentState.PAUSED, Optional.empty(), SeedGoal.DEFAULT);
        for (int save = 0; save < 1_000; save++) {
            keeper.keep(paused);
            keeper.keepCounters(paused);
        }
        assertEquals(1, written.size());
    }

    @Test
    void a_seeds_clock_alone_is_written_by_the_periodic_save_only_past_the_slack() {
        TorrentRecord seeding = RecordCodecTest.record(TorrentState.QUEUED, Optional.empty(), SeedGoal.DEFAULT);
        keeper.keep(seeding);
        // A save every 30 s for just under the slack: the clock moves, nothing else does.
        Duration step = Duration.ofSeconds(30);
        int saves = (int) (RecordKeeper.CLOCK_SLACK.toSeconds() / step.toSeconds()) - 1;
        for (int i = 1; i <= saves; i++) {
            keeper.keepCounters(withSeeding(seeding, seeding.seeding().plus(step.multipliedBy(i))));
        }
        assertEquals(1, written.size(), "clock-only changes within the slack wait");

        keeper.keepCounters(withSeeding(seeding, seeding.seeding().plus(RecordKeeper.CLOCK_SLACK)));
        assertEquals(2, written.size(), "past the slack the clock is saved");

        TorrentRecord later = withSeeding(seeding, seeding.seeding().plus(RecordKeeper.CLOCK_SLACK).plusSeconds(1));
        keeper.keep(later);
        assertEquals(3, written.size(), "an exact save (a state change, the engine's stop) writes the clock at once");
    }

    @Test
    void anything_but_the_clocks_is_written_by_the_periodic_save_at_once() {
        TorrentRecord seeding = RecordCodecTest.record(TorrentState.QUEUED, Optional.empty(), SeedGoal.DEFAULT);
        keeper.keep(seeding);
        TorrentRecord uploaded = new TorrentRecord(seeding.id(), seeding.infoHash(), seeding.downloadDirectory(),
                seeding.state(), seeding.error(), seeding.seedGoal(), seeding.rateLimits(), seeding.priorities(),
                seeding.verified(), new Transfer.Counts(seeding.transfer().downloaded(),
                        seeding.transfer().uploaded() + 16_384, seeding.transfer().wasted()),
                seeding.seeding().plusSeconds(30), seeding.added(), seeding.magnet(), seeding.extras());
        keeper.keepCounters(uploaded);
        assertEquals(List.of(seeding, uploaded), written);
    }

    private static TorrentRecord withSeeding(TorrentRecord record, Duration seeding) {
        return new TorrentRecord(record.id(), record.infoHash(), record.downloadDirectory(), record.state(),
                record.error(), record.seedGoal(), record.rateLimits(), record.priorities(), record.verified(),
                record.transfer(), seeding, record.added(), record.magnet(), record.extras());
    }
}
