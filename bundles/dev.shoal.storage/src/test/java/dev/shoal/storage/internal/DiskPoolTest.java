package dev.shoal.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.storage.api.StorageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bounded pool for every torrent: order kept per torrent, torrents side by side, no thread each. */
class DiskPoolTest {

    @TempDir
    Path temp;

    @Test
    void each_lane_runs_its_work_in_order_while_lanes_interleave() {
        try (DiskPool pool = new DiskPool(2)) {
            int lanes = 8;
            int each = 2_000;
            List<List<Integer>> seen = new ArrayList<>();
            List<SerialLane> all = new ArrayList<>();
            for (int i = 0; i < lanes; i++) {
                // Plain lists: the lane alone must order and publish what its work did.
                seen.add(new ArrayList<>());
                all.add(pool.lane());
            }
            for (int n = 0; n < each; n++) {
                for (int i = 0; i < lanes; i++) {
                    int value = n;
                    List<Integer> list = seen.get(i);
                    all.get(i).execute(() -> list.add(value));
                }
            }
            for (SerialLane lane : all) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                lane.execute(() -> done.complete(null));
                done.orTimeout(30, TimeUnit.SECONDS).join();
            }
            for (List<Integer> list : seen) {
                assertEquals(each, list.size());
                for (int n = 0; n < each; n++) {
                    assertEquals(n, list.get(n), "work ran out of order");
                }
            }
        }
    }

    @Test
    void one_torrent_waiting_on_the_disk_does_not_hold_up_another() throws Exception {
        try (DiskPool pool = new DiskPool(2)) {
            SerialLane slow = pool.lane();
            SerialLane other = pool.lane();
            CountDownLatch otherRan = new CountDownLatch(1);
            CompletableFuture<Boolean> slowSawIt = new CompletableFuture<>();
            slow.execute(() -> {
                try {
                    // Only returns true when the other lane ran while this one still held its thread.
                    slowSawIt.complete(otherRan.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    slowSawIt.complete(false);
                }
            });
            other.execute(otherRan::countDown);
            assertTrue(slowSawIt.get(60, TimeUnit.SECONDS), "the lanes did not run side by side");
        }
    }

    @Test
    void a_lane_does_not_start_its_next_work_before_the_last_ended() throws Exception {
        try (DiskPool pool = new DiskPool(4)) {
            SerialLane lane = pool.lane();
            int[] running = new int[1];
            int[] most = new int[1];
            for (int n = 0; n < 500; n++) {
                lane.execute(() -> {
                    running[0]++;
                    most[0] = Math.max(most[0], running[0]);
                    Thread.onSpinWait();
                    running[0]--;
                });
            }
            CompletableFuture<Integer> done = new CompletableFuture<>();
            lane.execute(() -> done.complete(most[0]));
            assertEquals(1, done.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void many_open_torrents_share_the_pool_threads_and_arm_no_timer_at_rest() throws Exception {
        int size = 2;
        try (DiskPool pool = new DiskPool(size)) {
            List<DiskStorage> open = new ArrayList<>();
            try {
                TestTorrent torrent = TestTorrent.single("one.bin", 64 * 1024, 16 * 1024, 7);
                for (int i = 0; i < 100; i++) {
                    Harness harness = new Harness(temp.resolve("t" + i));
                    open.add(DiskStorage.open(torrent.metainfo, harness.downloads, harness.resume, Harness.OPTIONS,
                            harness.listener, dev.shoal.storage.internal.io.ChannelOpener.DEFAULT, pool));
                }
                for (DiskStorage storage : open) {
                    Harness.ready(storage);
                }
                assertTrue(pool.threadCount() <= size + 1, "threads: " + pool.threadCount());
                assertEquals(0, diskThreadsOutside(pool), "no thread of its own per torrent");
                assertEquals(0, pool.armed(), "nothing changed, so no save is armed");

                DiskStorage one = open.get(0);
                for (int offset = 0; offset < 3 * 16 * 1024; offset += 16 * 1024) {
                    one.writeBlock(offset / (16 * 1024), 0, torrent.block(offset / (16 * 1024), 0))
                            .toCompletableFuture().get(30, TimeUnit.SECONDS);
                }
                assertEquals(1, pool.armed(), "changes within one interval share one armed save");
            } finally {
                for (DiskStorage storage : open) {
                    storage.close();
                }
            }
            assertEquals(0, pool.armed(), "closing saves and disarms");
        }
    }

    @Test
    void a_change_is_saved_once_the_interval_passed_and_then_nothing_is_armed() throws Exception {
        try (DiskPool pool = new DiskPool(2)) {
            TestTorrent torrent = TestTorrent.single("two.bin", 64 * 1024, 16 * 1024, 9);
            Harness harness = new Harness(temp);
            try (DiskStorage storage = DiskStorage.open(torrent.metainfo, harness.downloads, harness.resume,
                    Harness.OPTIONS.withResumeInterval(Duration.ofMillis(20)), harness.listener,
                    dev.shoal.storage.internal.io.ChannelOpener.DEFAULT, pool)) {
                Harness.ready(storage);
                long before = storage.stats().resumeSaves();
                storage.writeBlock(1, 0, torrent.block(1, 0)).toCompletableFuture().get(30, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while ((storage.stats().resumeSaves() == before || pool.armed() > 0)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertEquals(before + 1, storage.stats().resumeSaves());
                assertEquals(0, pool.armed());
            } catch (StorageException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static long diskThreadsOutside(DiskPool pool) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("shoal-disk-") && !thread.getName().matches(
                        "shoal-disk-(\\d+|timer)"))
                .count();
    }
}
