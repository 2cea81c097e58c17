package dev.shoal.storage.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shoal.storage.api.CheckResult.Reason;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageException.Kind;
import dev.shoal.storage.api.StorageOptions;
import dev.shoal.storage.api.StorageOptions.Allocation;
import dev.shoal.storage.api.StorageStats;
import dev.shoal.storage.api.TorrentStorage;
import dev.shoal.storage.internal.TestTorrent.Spec;
import dev.shoal.storage.internal.io.ChannelOpener;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimitsTest {

    private static final int PIECE = 64 * 1024;

    @TempDir
    Path temp;

    @Test
    void with_a_tiny_queue_writes_wait_and_queued_bytes_never_pass_the_bound() throws Exception {
        TestTorrent torrent = TestTorrent.single("big", 40 * PIECE, PIECE, 1);
        long bound = 2L * TorrentStorage.BLOCK_LENGTH;
        Harness harness = new Harness(temp);
        // The disk thread stalls on its first file open until every write is submitted: a slow disk.
        CountDownLatch slowDisk = new CountDownLatch(1);
        ChannelOpener slow = (path, create) -> {
            try {
                slowDisk.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ChannelOpener.DEFAULT.open(path, create);
        };
        try (DiskStorage storage = harness.open(torrent, Harness.OPTIONS.withQueueBytes(bound), slow)) {
            Harness.ready(storage);
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int[] block : torrent.blocks(torrent.allPieces(), 9)) {
                writes.add(storage.writeBlock(block[0], block[1], torrent.block(block[0], block[1]))
                        .toCompletableFuture());
            }
            int maxWaiting = storage.stats().waitingWrites();
            assertTrue(writes.stream().filter(CompletableFuture::isDone).count() == 0, "nothing written yet");
            slowDisk.countDown();
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
            TestTorrent.settle(storage);
            StorageStats stats = storage.stats();
            assertTrue(stats.maxQueuedBytes() <= bound, "queued " + stats.maxQueuedBytes() + " > " + bound);
            assertEquals(writes.size() - 2, maxWaiting, "two blocks fit the queue, the rest wait");
            assertEquals(0, stats.queuedBytes());
            assertTrue(storage.verified().isComplete());
        }
    }

    @Test
    void a_torrent_of_many_files_keeps_few_open() throws Exception {
        Spec[] specs = new Spec[300];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = Spec.file("dir" + (i % 7) + "/file" + i, 1000 + i);
        }
        TestTorrent torrent = TestTorrent.multi("many", 16 * 1024, 2, specs);
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent, Harness.OPTIONS.withOpenFileLimit(8))) {
            Harness.ready(storage);
            torrent.write(storage, torrent.allPieces(), 3);
            assertTrue(storage.verified().isComplete());
            assertTrue(storage.stats().maxOpenFiles() <= 8, "opened " + storage.stats().maxOpenFiles());
        }
        for (int i = 0; i < specs.length; i += 37) {
            assertArrayEquals(torrent.fileBytes(i), Files.readAllBytes(harness.file("many", specs[i].path())));
        }
    }

    @Test
    void sparse_files_appear_as_written_preallocated_ones_at_full_length() throws Exception {
        TestTorrent torrent = TestTorrent.multi("alloc", PIECE, 4, Spec.file("a", 3 * PIECE), Spec.file("b", 100));
        Harness sparse = new Harness(temp.resolve("sparse"));
        try (DiskStorage storage = sparse.open(torrent, Harness.OPTIONS.withAllocation(Allocation.SPARSE))) {
            Harness.ready(storage);
            assertFalse(Files.exists(sparse.file("alloc", "a")));
            torrent.write(storage, List.of(1), 1);
            assertEquals(2L * PIECE, Files.size(sparse.file("alloc", "a")), "grows only to the last byte written");
        }
        Harness full = new Harness(temp.resolve("full"));
        try (DiskStorage storage = full.open(torrent, Harness.OPTIONS.withAllocation(Allocation.PREALLOCATE))) {
            Harness.ready(storage);
            assertEquals(3L * PIECE, Files.size(full.file("alloc", "a")));
            assertEquals(100L, Files.size(full.file("alloc", "b")));
            torrent.write(storage, torrent.allPieces(), 2);
            assertTrue(storage.verified().isComplete());
        }
    }

    @Test
    void preallocating_over_a_partial_download_keeps_its_data_and_its_resume() throws Exception {
        TestTorrent torrent = TestTorrent.single("part", 4 * PIECE, PIECE, 5);
        Harness harness = new Harness(temp);
        try (DiskStorage storage = harness.open(torrent)) {
            Harness.ready(storage);
            torrent.write(storage, List.of(0, 1), 1);
        }
        try (DiskStorage storage = harness.open(torrent, Harness.OPTIONS.withAllocation(Allocation.PREALLOCATE))) {
            assertEquals(Reason.RESUMED, Harness.ready(storage).reason());
            assertEquals(4L * PIECE, Files.size(harness.file("part")));
            assertTrue(storage.verify(1).toCompletableFuture().join().verified());
        }
        try (DiskStorage storage = harness.open(torrent)) {
            assertEquals(Reason.RESUMED, Harness.ready(storage).reason(), "the stamps after preallocating were saved");
            assertEquals(2, storage.verified().count());
        }
    }

    /**
     * A real ENOSPC without root: one file's channel is opened on /dev/full, which fails every write
     * with "No space left on device". (A tiny tmpfs needs root; {@code ulimit -f} gives EFBIG and a
     * child JVM.)
     */
    @Test
    void a_full_disk_fails_the_write_naming_the_file_and_loses_nothing_verified() throws Exception {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.isWritable(devFull), "/dev/full is not available here");
        TestTorrent torrent = TestTorrent.multi("disk", PIECE, 6, Spec.file("ok.bin", 2 * PIECE),
                Spec.file("full.bin", 2 * PIECE));
        Harness harness = new Harness(temp);
        ChannelOpener fullDisk = (path, create) -> path.getFileName().toString().equals("full.bin") && create
                ? FileChannel.open(devFull, StandardOpenOption.WRITE, StandardOpenOption.READ)
                : ChannelOpener.DEFAULT.open(path, create);
        try (DiskStorage storage = harness.open(torrent, Harness.OPTIONS, fullDisk)) {
            Harness.ready(storage);
            torrent.write(storage, List.of(0, 1), 1);
            StorageException e = WriteAndVerifyTest.failure(storage.writeBlock(2, 0, torrent.block(2, 0)));
            assertEquals(Kind.DISK_FULL, e.kind());
            assertTrue(e.getMessage().contains("disk/full.bin"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertEquals(2, storage.verified().count());
        }
        try (DiskStorage storage = harness.open(torrent)) {
            assertEquals(Reason.RESUMED, Harness.ready(storage).reason());
            assertEquals(2, storage.verified().count(), "verified pieces survive the full disk");
        }
    }

    @Test
    void options_come_from_the_component_configuration() {
        StorageOptions options = StorageComponent.optionsOf(new StorageComponent.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return StorageComponent.Config.class;
            }

            @Override
            public Allocation allocation() {
                return Allocation.PREALLOCATE;
            }

            @Override
            public long queueBytes() {
                return 1 << 20;
            }

            @Override
            public int resumeIntervalSeconds() {
                return 5;
            }

            @Override
            public int openFileLimit() {
                return 16;
            }

            @Override
            public int diskThreads() {
                return 0;
            }
        });
        assertEquals(new StorageOptions(Allocation.PREALLOCATE, 1 << 20, java.time.Duration.ofSeconds(5), 16),
                options);
    }
}
