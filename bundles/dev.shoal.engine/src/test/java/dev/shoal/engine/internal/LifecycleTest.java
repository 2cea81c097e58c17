package dev.shoal.engine.internal;

import static dev.shoal.engine.api.TorrentState.CHECKING;
import static dev.shoal.engine.api.TorrentState.DOWNLOADING;
import static dev.shoal.engine.api.TorrentState.ERROR;
import static dev.shoal.engine.api.TorrentState.FINISHED;
import static dev.shoal.engine.api.TorrentState.PAUSED;
import static dev.shoal.engine.api.TorrentState.QUEUED;
import static dev.shoal.engine.api.TorrentState.SEEDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.internal.Lifecycle.Move;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static Optional<Move> move(TorrentState from, TorrentState to) {
        return Optional.of(new Move(from, to));
    }

    @Test
    void a_download_goes_from_checking_to_downloading_to_seeding_to_finished() {
        Lifecycle life = new Lifecycle(false);
        assertEquals(CHECKING, life.state());
        assertTrue(life.checkLeadsToRunning());
        assertEquals(new Move(CHECKING, DOWNLOADING), life.checked(false));
        assertEquals(Optional.empty(), life.goalReached(), "only a seeding torrent reaches its goal");
        assertEquals(move(DOWNLOADING, SEEDING), life.completed());
        assertEquals(Optional.empty(), life.completed(), "completes once");
        assertEquals(move(SEEDING, FINISHED), life.goalReached());
        assertTrue(life.stopped());
    }

    @Test
    void a_complete_torrent_seeds_at_once_and_one_added_paused_waits() {
        Lifecycle complete = new Lifecycle(false);
        assertEquals(new Move(CHECKING, SEEDING), complete.checked(true));

        Lifecycle paused = new Lifecycle(true);
        assertEquals(PAUSED, paused.state());
        assertEquals(Optional.empty(), paused.pause());
        assertEquals(move(PAUSED, CHECKING), paused.start());
        assertEquals(Optional.empty(), paused.start(), "already started");
    }

    @Test
    void a_failure_keeps_its_first_reason_on_one_line_and_a_start_clears_it() {
        Lifecycle life = new Lifecycle(false);
        life.checked(false);
        assertEquals(move(DOWNLOADING, ERROR), life.fail("disk full writing /x/a.bin\n(stack)"));
        assertEquals(Optional.of("disk full writing /x/a.bin"), life.error());
        assertEquals(Optional.empty(), life.fail("a later failure"));
        assertEquals(Optional.of("disk full writing /x/a.bin"), life.error());
        assertEquals(Optional.empty(), life.pause(), "a failed torrent stays failed when paused");

        assertEquals(move(ERROR, CHECKING), life.start());
        assertEquals(Optional.empty(), life.error());
        Lifecycle blank = new Lifecycle(false);
        blank.fail("  ");
        assertEquals(Optional.of("unknown failure"), blank.error());
    }

    @Test
    void a_recheck_leads_back_to_where_the_torrent_was() {
        Lifecycle running = new Lifecycle(false);
        running.checked(true);
        assertEquals(move(SEEDING, CHECKING), running.recheck());
        assertEquals(Optional.empty(), running.recheck(), "one check at a time");
        assertEquals(new Move(CHECKING, DOWNLOADING), running.checked(false), "a piece was lost");

        Lifecycle paused = new Lifecycle(true);
        paused.recheck();
        assertFalse(paused.checkLeadsToRunning());
        assertEquals(new Move(CHECKING, PAUSED), paused.checked(true));

        Lifecycle finished = finished();
        finished.recheck();
        assertEquals(new Move(CHECKING, FINISHED), finished.checked(true));
        finished.recheck();
        assertEquals(new Move(CHECKING, PAUSED), finished.checked(false), "no longer finished");

        Lifecycle failed = new Lifecycle(false);
        failed.fail("io");
        failed.recheck();
        assertEquals(new Move(CHECKING, PAUSED), failed.checked(true));
        assertEquals(Optional.empty(), failed.error());
    }

    @Test
    void pausing_stops_every_active_state_and_nothing_else() {
        for (boolean complete : new boolean[] {false, true}) {
            Lifecycle life = new Lifecycle(false);
            assertEquals(move(CHECKING, PAUSED), life.pause());
            life.start();
            life.checked(complete);
            TorrentState running = complete ? SEEDING : DOWNLOADING;
            assertEquals(move(running, PAUSED), life.pause());
        }
        Lifecycle finished = finished();
        assertEquals(Optional.empty(), finished.pause());
        assertEquals(FINISHED, finished.state());
    }

    @Test
    void moves_outside_the_table_are_refused() {
        assertFalse(Lifecycle.allowed(PAUSED, SEEDING), "a start is always checked first");
        assertFalse(Lifecycle.allowed(FINISHED, SEEDING));
        assertFalse(Lifecycle.allowed(DOWNLOADING, FINISHED));
        assertFalse(Lifecycle.allowed(ERROR, PAUSED));
        assertTrue(Lifecycle.allowed(SEEDING, CHECKING));
        for (TorrentState state : TorrentState.values()) {
            assertFalse(Lifecycle.allowed(state, state), state + " to itself is no move");
        }
        assertThrows(IllegalStateException.class, () -> finished().checked(true), "no check under way");
    }

    private static Lifecycle finished() {
        Lifecycle life = new Lifecycle(false);
        life.checked(true);
        life.goalReached();
        return life;
    }

    @Test
    void a_torrent_without_a_slot_waits_queued_and_starts_when_given_one() {
        Lifecycle life = new Lifecycle(TorrentState.QUEUED, Optional.empty());
        assertEquals(QUEUED, life.keptAs());
        assertTrue(life.stopped(), "a queued torrent opens nothing");
        assertEquals(Optional.empty(), life.queue(), "queued already");
        assertEquals(Optional.empty(), life.fail("nothing runs"));
        assertEquals(move(QUEUED, CHECKING), life.start());
        assertEquals(QUEUED, life.keptAs(), "checking to run: it runs again after a restart");
        assertEquals(move(CHECKING, QUEUED), life.queue(), "sent back over the limit");
        life.start();
        life.checked(true);
        assertEquals(move(SEEDING, QUEUED), life.queue());
        assertEquals(move(QUEUED, PAUSED), life.pause());
        assertEquals(PAUSED, life.keptAs());
        assertEquals(move(PAUSED, QUEUED), life.queue(), "resumed without a slot");
    }

    @Test
    void a_recheck_of_a_queued_torrent_leads_back_to_the_queue_and_is_kept_as_queued() {
        Lifecycle life = new Lifecycle(TorrentState.QUEUED, Optional.empty());
        assertEquals(move(QUEUED, CHECKING), life.recheck());
        assertFalse(life.checkLeadsToRunning());
        assertEquals(Optional.empty(), life.queue(), "checking on its way back to a stopped state");
        assertEquals(new Move(CHECKING, QUEUED), life.checked(true));

        Lifecycle paused = new Lifecycle(true);
        paused.recheck();
        assertEquals(PAUSED, paused.keptAs(), "a paused torrent being checked stays paused after a restart");
    }

    @Test
    void a_seeding_torrent_downloads_again_when_a_file_is_wanted_again() {
        Lifecycle life = new Lifecycle(false);
        life.checked(true);
        assertEquals(move(SEEDING, DOWNLOADING), life.incomplete());
        assertEquals(Optional.empty(), life.incomplete());
        assertEquals(move(DOWNLOADING, SEEDING), life.completed());
    }

    @Test
    void a_restored_torrent_begins_in_its_kept_state_with_its_error() {
        Lifecycle failed = new Lifecycle(TorrentState.ERROR, Optional.of("disk full\nmore"));
        assertEquals(ERROR, failed.state());
        assertEquals(Optional.of("disk full"), failed.error());
        assertEquals(FINISHED, new Lifecycle(TorrentState.FINISHED, Optional.of("ignored")).keptAs());
        assertEquals(Optional.empty(), new Lifecycle(TorrentState.FINISHED, Optional.of("ignored")).error());
        assertThrows(IllegalArgumentException.class, () -> new Lifecycle(TorrentState.SEEDING, Optional.empty()));
    }
}
