package dev.shoal.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiskQueueTest {

    /** An executor that runs nothing until told: the test plays the disk thread. */
    private final ArrayDeque<Runnable> disk = new ArrayDeque<>();

    @Test
    void admits_by_bytes_in_order_and_lets_waiting_work_in_as_room_frees() {
        DiskQueue queue = new DiskQueue(100, disk::add);
        List<String> ran = new ArrayList<>();
        queue.submit(60, () -> ran.add("a"));
        queue.submit(30, () -> ran.add("b"));
        queue.submit(20, () -> ran.add("c"));
        queue.submit(0, () -> ran.add("d"));
        assertEquals(90, queue.queued());
        assertEquals(2, queue.waiting(), "c does not fit and d keeps its place behind it");
        disk.poll().run();
        assertEquals(List.of("a"), ran);
        assertEquals(50, queue.queued());
        assertEquals(0, queue.waiting());
        while (!disk.isEmpty()) {
            disk.poll().run();
        }
        assertEquals(List.of("a", "b", "c", "d"), ran);
        assertEquals(0, queue.queued());
        assertEquals(90, queue.maxQueued());
    }

    @Test
    void a_job_larger_than_the_bound_passes_alone() {
        DiskQueue queue = new DiskQueue(10, disk::add);
        queue.submit(50, () -> { });
        queue.submit(5, () -> { });
        assertEquals(50, queue.queued());
        assertEquals(1, queue.waiting());
    }
}
