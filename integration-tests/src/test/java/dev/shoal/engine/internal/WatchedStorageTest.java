package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.PieceListener;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageOptions;
import dev.shoal.storage.api.TorrentStorage;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swarm's view of the real storage: reads of vanished data reach the engine, nothing else does. */
class WatchedStorageTest {

    @TempDir
    Path temp;

    private static Throwable failure(java.util.concurrent.CompletionStage<?> stage) {
        return stage.handle((ok, e) -> e).toCompletableFuture().join();
    }

    @Test
    void a_read_of_a_truncated_file_is_reported_and_a_peer_s_bad_request_is_not() throws Exception {
        Path downloads = temp.resolve("downloads");
        Metainfo metainfo = TestTorrents.small(downloads, "watched", List.of());
        List<StorageException> reported = new CopyOnWriteArrayList<>();
        try (TorrentStorage storage = new WatchedStorage(Rig.storage().open(metainfo, downloads,
                temp.resolve("resume"), PieceListener.NONE), reported::add)) {
            storage.ready().toCompletableFuture().join();
            assertTrue(storage.verified().isComplete());
            assertNull(failure(storage.readBlock(0, 0, 100)));
            try (FileChannel file = FileChannel.open(TestTorrents.file(downloads, metainfo, 0),
                    StandardOpenOption.WRITE)) {
                file.truncate(10); // someone shortened the file behind our back
            }
            Throwable lost = failure(storage.readBlock(1, 0, TorrentStorage.BLOCK_LENGTH));
            assertEquals(StorageException.Kind.IO, WatchedStorage.diskFailure(lost).kind());
            failure(storage.readBlock(0, 40_000, 10)); // outside the piece: the peer's fault
            // The report is another dependent of the failed read: it may run just after join returned.
            Events.Await.until(() -> !reported.isEmpty(), java.time.Duration.ofSeconds(10),
                    () -> "the truncated file's read was not reported");
            assertEquals(1, reported.size(), String.valueOf(reported));
            assertTrue(reported.get(0).getMessage().contains("watched/a.bin"), reported.get(0).getMessage());
        }
    }

    @Test
    void a_failed_write_is_left_to_the_swarm_to_report() throws Exception {
        Metainfo metainfo = TestTorrents.small(temp.resolve("source"), "written", List.of());
        List<StorageException> reported = new CopyOnWriteArrayList<>();
        try (TorrentStorage storage = new WatchedStorage(Rig.storage(StorageOptions.DEFAULT, Rig.fullDiskFor("a.bin"))
                .open(metainfo, temp.resolve("downloads"), temp.resolve("resume"), PieceListener.NONE),
                reported::add)) {
            storage.ready().toCompletableFuture().join();
            Throwable full = failure(storage.writeBlock(0, 0, ByteBuffer.allocate(TorrentStorage.BLOCK_LENGTH)));
            assertEquals(StorageException.Kind.DISK_FULL, WatchedStorage.diskFailure(full).kind());
            assertEquals(List.of(), reported);
        }
        assertNull(WatchedStorage.diskFailure(new CompletionException(new IllegalStateException())));
    }
}
