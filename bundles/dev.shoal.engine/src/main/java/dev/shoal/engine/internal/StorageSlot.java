package dev.shoal.engine.internal;

import dev.shoal.storage.api.CheckProgress;
import dev.shoal.storage.api.CheckResult;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.PieceSet;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageStats;
import dev.shoal.storage.api.TorrentStorage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The storage a run's swarm writes to, re-pointable: when the storage service is swapped, the
 * storage opened from the old one is detached (and closed, saving its resume data) and one opened
 * from the new service is attached, while the swarm and its connections stay.
 *
 * <p>Between the two, writes wait here, their stages incomplete, and count as writes waiting for
 * room: that is the swarm's signal to request nothing more until a storage takes them. Reads and
 * checks fail as on a closed storage, and the verified pieces are the detached storage's.
 */
final class StorageSlot implements TorrentStorage {

    private record PendingWrite(int piece, int offset, ByteBuffer data, CompletableFuture<Void> done) {
    }

    /** Where writes go; null while detached. */
    private TorrentStorage current;
    /** The last storage attached: what is verified while detached, since its close may verify more. */
    private volatile TorrentStorage last;
    private final List<PendingWrite> pending = new ArrayList<>();

    StorageSlot(TorrentStorage first) {
        this.current = first;
        this.last = first;
    }

    /** Writes go to {@code storage} from now on, those that waited first. */
    void attach(TorrentStorage storage) {
        List<PendingWrite> waited;
        synchronized (this) {
            current = storage;
            last = storage;
            waited = List.copyOf(pending);
            pending.clear();
        }
        // Outside the lock: a stage may complete at once, and its callback takes the swarm's lock,
        // which a network thread may hold while it calls writeBlock here.
        for (PendingWrite write : waited) {
            storage.writeBlock(write.piece(), write.offset(), write.data()).whenComplete((ok, failure) -> {
                if (failure == null) {
                    write.done().complete(null);
                } else {
                    write.done().completeExceptionally(failure);
                }
            });
        }
    }

    /** Writes wait from now on; returns the storage detached (the caller closes it), or null. */
    synchronized TorrentStorage detach() {
        TorrentStorage was = current;
        current = null;
        return was;
    }

    synchronized boolean attached() {
        return current != null;
    }

    private synchronized TorrentStorage current() {
        return current;
    }

    @Override
    public CompletionStage<CheckResult> ready() {
        TorrentStorage storage = current();
        return storage == null ? detachedFailure() : storage.ready();
    }

    @Override
    public CompletionStage<Void> writeBlock(int piece, int offset, ByteBuffer data) {
        TorrentStorage storage;
        synchronized (this) {
            storage = current;
            if (storage == null) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                pending.add(new PendingWrite(piece, offset, data, done));
                return done;
            }
        }
        return storage.writeBlock(piece, offset, data);
    }

    @Override
    public CompletionStage<ByteBuffer> readBlock(int piece, int offset, int length) {
        TorrentStorage storage = current();
        return storage == null ? detachedFailure() : storage.readBlock(piece, offset, length);
    }

    @Override
    public CompletionStage<Void> readBlockInto(int piece, int offset, ByteBuffer target) {
        TorrentStorage storage = current();
        return storage == null ? detachedFailure() : storage.readBlockInto(piece, offset, target);
    }

    @Override
    public CompletionStage<PieceResult> verify(int piece) {
        TorrentStorage storage = current();
        return storage == null ? detachedFailure() : storage.verify(piece);
    }

    @Override
    public CompletionStage<CheckResult> recheck(CheckProgress progress) {
        TorrentStorage storage = current();
        return storage == null ? detachedFailure() : storage.recheck(progress);
    }

    @Override
    public PieceSet verified() {
        return last.verified();
    }

    @Override
    public Map<Integer, BitSet> writtenBlocks() {
        return last.writtenBlocks();
    }

    @Override
    public CompletionStage<Void> saveResume() {
        TorrentStorage storage = current();
        return storage == null ? detachedFailure() : storage.saveResume();
    }

    @Override
    public StorageStats stats() {
        synchronized (this) {
            if (current == null) {
                return new StorageStats(0, 0, pending.size(), 0, 0, 0, 0);
            }
        }
        return current().stats();
    }

    /** Closes the storage attached, if any; writes still waiting fail as on a closed storage. */
    @Override
    public void close() throws StorageException {
        List<PendingWrite> dropped;
        TorrentStorage storage;
        synchronized (this) {
            storage = current;
            current = null;
            dropped = List.copyOf(pending);
            pending.clear();
        }
        dropped.forEach(write -> write.done().completeExceptionally(closed()));
        if (storage != null) {
            storage.close();
        }
    }

    private static <T> CompletionStage<T> detachedFailure() {
        return CompletableFuture.failedFuture(closed());
    }

    private static StorageException closed() {
        return new StorageException(StorageException.Kind.CLOSED, "the storage is being replaced");
    }
}
