package dev.shoal.storage.internal;

import dev.shoal.storage.api.CheckResult;
import dev.shoal.storage.api.PieceListener;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageOptions;
import dev.shoal.storage.internal.io.ChannelOpener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A download folder and resume file under a test's temp dir, and a listener that records. */
final class Harness {

    static final StorageOptions OPTIONS = StorageOptions.DEFAULT.withResumeInterval(Duration.ofHours(1));

    final Path downloads;
    final Path resume;
    final List<PieceResult> results = new CopyOnWriteArrayList<>();
    final List<StorageException> failures = new CopyOnWriteArrayList<>();
    final PieceListener listener = new PieceListener() {
        @Override
        public void pieceChecked(PieceResult result) {
            results.add(result);
        }

        @Override
        public void storageFailed(StorageException failure) {
            failures.add(failure);
        }
    };

    /** The disk threads every test's storage shares, as the component's torrents do. */
    static final DiskPool POOL = new DiskPool(DiskPool.defaultSize());

    Harness(Path temp) {
        this.downloads = temp.resolve("downloads");
        this.resume = temp.resolve("state").resolve("torrent.resume");
    }

    DiskStorage open(TestTorrent torrent) throws StorageException {
        return open(torrent, OPTIONS);
    }

    DiskStorage open(TestTorrent torrent, StorageOptions options) throws StorageException {
        return open(torrent, options, ChannelOpener.DEFAULT);
    }

    DiskStorage open(TestTorrent torrent, StorageOptions options, ChannelOpener opener) throws StorageException {
        return DiskStorage.open(torrent.metainfo, downloads, resume, options, listener, opener, POOL);
    }

    static CheckResult ready(DiskStorage storage) {
        return storage.ready().toCompletableFuture().join();
    }

    Path file(String... parts) {
        return downloads.resolve(String.join("/", parts));
    }
}
