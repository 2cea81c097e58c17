package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.internal.RecordCodec.Session;
import dev.shoal.metainfo.Metainfo;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The torrent store writes in batches: what waits together is one forced write and no directory
 * sync of its own (counted over real files), and a batch forced is kept whole across a kill, even
 * before its files were written.
 */
@Timeout(60)
class StoreBatchTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    /** The real disk, its syncs counted; the first forced write can be held to let a batch gather. */
    private static final class CountingDisk implements StoreDisk {
        private final StoreDisk real = new PlatformDisk();
        final AtomicInteger forces = new AtomicInteger();
        final AtomicInteger fileForces = new AtomicInteger();
        final AtomicInteger directoryForces = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean hold;
        /** A kill right after the journal's forced write: its files are not written. */
        volatile boolean killAfterForce;

        @Override
        public void force(FileChannel channel) throws IOException {
            if (hold) {
                hold = false;
                entered.countDown();
                try {
                    release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            real.force(channel);
            forces.incrementAndGet();
            if (killAfterForce) {
                throw new IllegalStateException("killed");
            }
        }

        @Override
        public void forceFile(Path file) throws IOException {
            real.forceFile(file);
            fileForces.incrementAndGet();
        }

        @Override
        public void forceDirectory(Path directory) throws IOException {
            real.forceDirectory(directory);
            directoryForces.incrementAndGet();
        }
    }

    private record Added(TorrentRecord record, byte[] torrent) {
    }

    private Added torrent(int i) {
        BDictionary info = BDictionary.builder().put("length", 16_384L).put("name", "t-" + i + ".bin")
                .put("piece length", 16_384L).put("pieces", BString.of(new byte[20])).build();
        byte[] file = BencodeEncoder.encode(BDictionary.builder().put("announce", "http://127.0.0.1:9/announce")
                .put("info", info).build());
        try {
            Metainfo metainfo = Metainfo.parse(file, SessionStore.PARSE);
            TorrentRecord record = Additions.record(i + 1, AddTorrent.of(metainfo, temp.resolve("dl")).withPaused(true));
            // As the store keeps it (its instants in milliseconds).
            return new Added(RecordCodec.decodeTorrent(RecordCodec.encode(record)), file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Added> torrents(int from, int to) {
        List<Added> added = new ArrayList<>();
        for (int i = from; i < to; i++) {
            added.add(torrent(i));
        }
        return added;
    }

    private static List<StoreJournal.Change> batch(List<Added> added) {
        List<StoreJournal.Change> batch = new ArrayList<>();
        for (Added one : added) {
            batch.add(SessionStore.torrent(one.record().infoHash(), one.torrent()));
            batch.add(SessionStore.record(one.record()));
        }
        return batch;
    }

    /** Each batch forced into the journal, the process killed before its files are written. */
    @SafeVarargs
    private void killedAfterForcing(List<Added>... batches) {
        CountingDisk disk = new CountingDisk();
        disk.killAfterForce = true;
        SessionStore store = new SessionStore(store(), disk, SessionStore.SEGMENT_LIMIT);
        for (List<Added> added : batches) {
            assertThrows(IllegalStateException.class, () -> store.write(batch(added)));
        }
        assertEquals(batches.length, disk.forces.get());
    }

    private Path store() {
        return temp.resolve("torrents");
    }

    private long files(String suffix) throws IOException {
        if (!Files.isDirectory(store())) {
            return 0;
        }
        try (Stream<Path> files = Files.list(store())) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private List<TorrentRecord> loaded() {
        return new SessionStore(store()).load().torrents().stream().map(SessionStore.Restored::record).toList();
    }

    @Test
    void torrents_added_while_a_batch_is_forced_are_the_next_batch_one_forced_write() throws Exception {
        CountingDisk disk = new CountingDisk();
        disk.hold = true;
        SessionWriter writer = new SessionWriter(new SessionStore(store(), disk, SessionStore.SEGMENT_LIMIT));
        List<Added> added = torrents(0, 100);
        writer.add(added.get(0).record(), added.get(0).torrent());
        assertTrue(disk.entered.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the first batch is being forced");
        for (Added one : added.subList(1, added.size())) {
            writer.add(one.record(), one.torrent());
        }
        writer.saveSession(new Session(101, added.stream().map(a -> a.record().infoHash()).toList()));
        disk.release.countDown();
        assertTrue(writer.flush(WAIT));

        // Before batches: two forced writes and two directory syncs per torrent, 400 here.
        assertEquals(2, disk.forces.get(), "the torrent first asked, then the 99 that waited with the session");
        assertEquals(1, disk.directoryForces.get(), "the journal segment created");
        assertEquals(0, disk.fileForces.get(), "no file forced on its own");
        assertEquals(100, files(SessionStore.TORRENT_SUFFIX));
        assertEquals(101, files(SessionStore.STATE_SUFFIX), "100 records and the session");
        writer.close(WAIT);
        assertEquals(added.stream().map(Added::record).toList(), loaded(), "all back, in the session's order");
    }

    @Test
    void every_record_of_a_batch_forced_survives_a_kill_before_its_files_are_written() throws Exception {
        List<Added> added = torrents(0, 50);
        killedAfterForcing(added);
        assertEquals(0, files(SessionStore.STATE_SUFFIX), "killed before any file was written");

        List<TorrentRecord> back = loaded();
        assertEquals(added.stream().map(Added::record).sorted(Comparator.comparing(TorrentRecord::id))
                .toList(), back, "every record of the batch, from the journal");
        assertEquals(50, files(SessionStore.TORRENT_SUFFIX));
    }

    @Test
    void a_batch_cut_short_is_left_out_whole_and_the_batches_before_it_are_kept() throws Exception {
        List<Added> first = torrents(0, 10);
        killedAfterForcing(first, torrents(10, 20));
        Path segment;
        try (Stream<Path> files = Files.list(store())) {
            segment = files.filter(f -> f.getFileName().toString().startsWith(StoreJournal.PREFIX)).findFirst()
                    .orElseThrow();
        }
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 5); // the kill came in the middle of the second write
        }

        assertEquals(first.stream().map(Added::record).toList(), loaded());
    }

    @Test
    void a_retired_journal_is_deleted_once_its_files_are_forced_and_they_load_alone() throws Exception {
        CountingDisk disk = new CountingDisk();
        List<Added> added = torrents(0, 20);
        SessionStore store = new SessionStore(store(), disk, SessionStore.SEGMENT_LIMIT);
        store.write(batch(added));
        store.closeSegment();
        assertTrue(store.unretired());
        assertTrue(store.retire(10, Duration.ofHours(1)), "nothing has settled for an hour");
        assertEquals(0, disk.fileForces.get());
        assertFalse(store.retire(10, Duration.ZERO), "40 files take more than one step of 10");
        while (!store.retire(10, Duration.ZERO)) {
            assertTrue(disk.fileForces.get() <= 40);
        }
        assertFalse(store.unretired());
        assertEquals(40, disk.fileForces.get(), "each file once");
        assertEquals(0, files(StoreJournal.SUFFIX), "the segment deleted");

        assertEquals(added.stream().map(Added::record).toList(), loaded());
    }

    @Test
    void a_journal_replayed_at_start_is_retired_by_the_next_writer() throws Exception {
        killedAfterForcing(torrents(0, 5));

        SessionStore store = new SessionStore(store());
        assertEquals(5, store.load().torrents().size());
        assertTrue(store.unretired(), "what the journal replayed is not forced yet");
        SessionWriter writer = new SessionWriter(store);
        writer.close(WAIT);
        assertFalse(store.unretired(), "the close retires it");
        assertEquals(0, files(StoreJournal.SUFFIX));
        assertEquals(5, loaded().size());
    }
}
