package dev.shoal.engine.internal;

import dev.shoal.storage.api.CheckProgress;
import dev.shoal.storage.api.CheckResult;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.PieceSet;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageStats;
import dev.shoal.storage.api.TorrentStorage;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The storage as the swarm sees it: the same, except that a read of verified data failing on the disk
 * (a file deleted or truncated behind our back, permission, I/O) is also reported to the engine,
 * which stops the torrent with the reason. The swarm reports failed writes itself
 * ({@code SwarmListener.writeFailed}) but answers a failed read only with a reject to the peer, so a
 * seeder whose files vanished would otherwise seed nothing and say nothing. The stages are the
 * storage's own, so timing and back-pressure are unchanged.
 */
final class WatchedStorage implements TorrentStorage {

    private static final Set<StorageException.Kind> DISK_FAILURES = EnumSet.of(StorageException.Kind.DISK_FULL,
            StorageException.Kind.PERMISSION, StorageException.Kind.PATH_UNSAFE, StorageException.Kind.IO);

    private final TorrentStorage storage;
    private final Consumer<StorageException> onReadFailure;

    WatchedStorage(TorrentStorage storage, Consumer<StorageException> onReadFailure) {
        this.storage = storage;
        this.onReadFailure = onReadFailure;
    }

    @Override
    public CompletionStage<CheckResult> ready() {
        return storage.ready();
    }

    @Override
    public CompletionStage<Void> writeBlock(int piece, int offset, ByteBuffer data) {
        return storage.writeBlock(piece, offset, data);
    }

    @Override
    public CompletionStage<ByteBuffer> readBlock(int piece, int offset, int length) {
        return watched(storage.readBlock(piece, offset, length));
    }

    @Override
    public CompletionStage<Void> readBlockInto(int piece, int offset, ByteBuffer target) {
        return watched(storage.readBlockInto(piece, offset, target));
    }

    private <T> CompletionStage<T> watched(CompletionStage<T> read) {
        read.whenComplete((data, failure) -> {
            StorageException disk = diskFailure(failure);
            if (disk != null) {
                onReadFailure.accept(disk);
            }
        });
        return read;
    }

    @Override
    public CompletionStage<PieceResult> verify(int piece) {
        return storage.verify(piece);
    }

    @Override
    public CompletionStage<CheckResult> recheck(CheckProgress progress) {
        return storage.recheck(progress);
    }

    @Override
    public PieceSet verified() {
        return storage.verified();
    }

    @Override
    public Map<Integer, BitSet> writtenBlocks() {
        return storage.writtenBlocks();
    }

    @Override
    public CompletionStage<Void> saveResume() {
        return storage.saveResume();
    }

    @Override
    public StorageStats stats() {
        return storage.stats();
    }

    /** The engine closes the storage, after the swarm; a swarm's close is passed on all the same. */
    @Override
    public void close() throws StorageException {
        storage.close();
    }

    /** The storage failure behind {@code failure} when it is the disk's fault, else null. */
    static StorageException diskFailure(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof StorageException e && DISK_FAILURES.contains(e.kind()) ? e : null;
    }
}
