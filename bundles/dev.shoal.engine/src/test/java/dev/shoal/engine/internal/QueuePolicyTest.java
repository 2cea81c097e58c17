package dev.shoal.engine.internal;

import static dev.shoal.engine.internal.QueuePolicy.Kind.CHECK;
import static dev.shoal.engine.internal.QueuePolicy.Kind.DOWNLOAD;
import static dev.shoal.engine.internal.QueuePolicy.Kind.SEED;
import static dev.shoal.engine.internal.QueuePolicy.Standing.RUNNING;
import static dev.shoal.engine.internal.QueuePolicy.Standing.STOPPED;
import static dev.shoal.engine.internal.QueuePolicy.Standing.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shoal.engine.internal.QueuePolicy.Entry;
import dev.shoal.engine.internal.QueuePolicy.Plan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueuePolicyTest {

    private static Entry running(QueuePolicy.Kind kind) {
        return new Entry(RUNNING, kind);
    }

    private static Entry waiting(QueuePolicy.Kind kind) {
        return new Entry(WAITING, kind);
    }

    private static Entry stopped(QueuePolicy.Kind kind) {
        return new Entry(STOPPED, kind);
    }

    @Test
    void waiting_torrents_start_in_queue_order_while_slots_of_their_kind_are_free() {
        QueuePolicy policy = new QueuePolicy(2, 1);
        Plan plan = policy.plan(List.of(running(DOWNLOAD), stopped(DOWNLOAD), waiting(DOWNLOAD), waiting(DOWNLOAD),
                waiting(SEED), waiting(SEED)));
        assertEquals(List.of(2, 4), plan.start());
        assertEquals(List.of(), plan.queue());
    }

    @Test
    void torrents_not_checked_yet_are_checked_two_at_a_time_even_behind_full_download_slots() {
        Plan plan = new QueuePolicy(1, 1).plan(List.of(running(DOWNLOAD), waiting(DOWNLOAD), waiting(CHECK),
                waiting(CHECK), waiting(CHECK)));
        assertEquals(List.of(2, 3), plan.start());
        Plan later = new QueuePolicy(1, 1).plan(List.of(running(DOWNLOAD), running(CHECK), running(CHECK),
                waiting(CHECK)));
        assertEquals(List.of(), later.start(), "a third waits while two are checked");
    }

    @Test
    void stopped_torrents_take_no_slot_and_are_never_started() {
        Plan plan = new QueuePolicy(1, 1).plan(List.of(stopped(DOWNLOAD), stopped(SEED), waiting(DOWNLOAD)));
        assertEquals(List.of(2), plan.start());
    }

    @Test
    void a_running_torrent_is_not_pushed_out_by_one_ahead_of_it_in_the_queue() {
        Plan plan = new QueuePolicy(1, 1).plan(List.of(waiting(DOWNLOAD), running(DOWNLOAD)));
        assertEquals(List.of(), plan.start());
        assertEquals(List.of(), plan.queue());
    }

    @Test
    void over_the_limit_the_last_running_of_that_kind_go_back_to_waiting() {
        Plan plan = new QueuePolicy(1, 2).plan(List.of(running(SEED), running(DOWNLOAD), running(SEED),
                running(DOWNLOAD), running(SEED), running(DOWNLOAD), waiting(SEED)));
        assertEquals(List.of(3, 4, 5), plan.queue());
        assertEquals(List.of(), plan.start(), "the slots freed went to those ahead");
    }

    @Test
    void zero_means_no_limit() {
        List<Entry> many = new ArrayList<>(Collections.nCopies(1000, waiting(DOWNLOAD)));
        many.addAll(Collections.nCopies(1000, running(SEED)));
        Plan plan = new QueuePolicy(0, 0).plan(many);
        assertEquals(1000, plan.start().size());
        assertEquals(List.of(), plan.queue());
        assertEquals(List.of(0), new QueuePolicy(0, 1).plan(List.of(waiting(DOWNLOAD))).start());
    }

    @Test
    void the_plan_is_stable_once_applied() {
        QueuePolicy policy = new QueuePolicy(2, 1);
        List<Entry> entries = new ArrayList<>(List.of(running(SEED), waiting(DOWNLOAD), running(DOWNLOAD),
                running(SEED), waiting(DOWNLOAD), waiting(DOWNLOAD)));
        Plan plan = policy.plan(entries);
        assertEquals(List.of(3), plan.queue());
        assertEquals(List.of(1), plan.start());
        plan.start().forEach(i -> entries.set(i, running(entries.get(i).kind())));
        plan.queue().forEach(i -> entries.set(i, waiting(entries.get(i).kind())));
        Plan again = policy.plan(entries);
        assertEquals(List.of(), again.start());
        assertEquals(List.of(), again.queue());
    }

    @Test
    void negative_limits_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new QueuePolicy(-1, 0));
    }
}
