package dev.shoal.storage.internal;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.CheckProgress;
import dev.shoal.storage.api.CheckResult;
import dev.shoal.storage.api.PieceListener;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.PieceSet;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageException.Kind;
import dev.shoal.storage.api.StorageOptions;
import dev.shoal.storage.api.StorageStats;
import dev.shoal.storage.api.TorrentStorage;
import dev.shoal.storage.internal.io.ChannelOpener;
import dev.shoal.storage.internal.io.PieceIo;
import dev.shoal.storage.internal.layout.IoErrors;
import dev.shoal.storage.internal.layout.SafePaths;
import dev.shoal.storage.internal.resume.ResumeFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A torrent's storage on a serial lane of the shared {@link DiskPool}. Callers' threads only validate
 * and queue; all file access, hashing and resume saving happen in the lane, in order, so the piece
 * state needs no locks. What other threads read (the verified set, counters) is published as immutable
 * snapshots.
 *
 * <p>Throughput note for a future JMH benchmark: a block write is one positional write into the page
 * cache (~GB/s); a piece costs SHA-1 over its bytes (~1 GB/s per core on current x86 with SHA
 * extensions, ~500 MB/s without), hashed as its blocks are written when they came in order, else
 * after one read-back from the page cache. Nothing is forced per piece: the files holding verified
 * pieces are fdatasync'ed before each resume save (as pieces complete, at most once per resume
 * interval; and when asked, after a recheck and on close), so no fsync paces the downloads; each block
 * written adds 8 bytes to the resume data's journal, not forced either (a killed process leaves it in
 * the page cache with the blocks, which is all a restart after {@code kill -9} needs). One lane
 * should therefore sustain several hundred MB/s of 16 KiB blocks on an SSD; past that, a pool
 * of hashing threads would be the next step. Measure: blocks/s through writeBlock with a 16 MiB
 * queue, random block order.
 */
public final class DiskStorage implements TorrentStorage {

    private static final Logger LOG = LoggerFactory.getLogger(DiskStorage.class);

    private final Metainfo torrent;
    private final StorageOptions options;
    private final PieceListener listener;
    private final PieceIo io;
    private final ResumeKeeper resume;
    private final TorrentDisk disk;
    private final PieceCompletion completion;
    private final VerifiedPieces verified;
    private final StartupCheck check;
    private final CompletableFuture<CheckResult> ready = new CompletableFuture<>();
    /** What the startup check found written of unfinished pieces; published before {@link #ready}. */
    private volatile Map<Integer, BitSet> writtenAtStart = Map.of();
    private volatile boolean closed;

    private DiskStorage(Metainfo torrent, StorageOptions options, PieceListener listener, PieceIo io,
            ResumeFile resumeFile, DiskPool pool) {
        this.torrent = torrent;
        this.options = options;
        this.listener = listener;
        this.io = io;
        this.disk = new TorrentDisk(pool, options.queueBytes(), this::closedException);
        this.completion = new PieceCompletion(torrent, io);
        this.resume = new ResumeKeeper(torrent, io, resumeFile, completion::unfinished,
                options.resumeInterval().toNanos());
        this.verified = new VerifiedPieces(torrent.pieceCount());
        this.check = new StartupCheck(torrent, options, io, resume, completion, verified);
    }

    /** Opens a torrent's storage on a lane of {@code pool} and starts its startup check there. */
    public static DiskStorage open(Metainfo torrent, Path downloadDirectory, Path resumeFile, StorageOptions options,
            PieceListener listener, ChannelOpener opener, DiskPool pool) throws StorageException {
        if (!torrent.version().hasV1()) {
            throw new IllegalArgumentException("v2-only torrents are not supported by the storage yet: "
                    + torrent.name());
        }
        try {
            Files.createDirectories(downloadDirectory);
        } catch (IOException e) {
            throw IoErrors.map(e, downloadDirectory, "creating the download directory");
        }
        PieceIo io = new PieceIo(torrent, new SafePaths(downloadDirectory), options.openFileLimit(), opener);
        DiskStorage storage = new DiskStorage(torrent, options, listener, io, new ResumeFile(resumeFile), pool);
        storage.start();
        return storage;
    }

    private void start() {
        disk.execute(this::startupCheck);
    }

    private void startupCheck() {
        try {
            CheckResult result = check.run();
            writtenAtStart = completion.unfinished();
            ready.complete(result);
        } catch (StorageException e) {
            listener.storageFailed(e);
            ready.completeExceptionally(e);
        } catch (RuntimeException e) {
            ready.completeExceptionally(e);
            throw e;
        }
    }

    @Override
    public CompletionStage<CheckResult> ready() {
        return ready.copy();
    }

    @Override
    public CompletionStage<Void> writeBlock(int piece, int offset, ByteBuffer data) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            checkOpen();
            BlockRequests.checkWrite(torrent, piece, offset, data.remaining());
        } catch (StorageException e) {
            return CompletableFuture.failedFuture(e);
        }
        disk.submit(data.remaining(), done, () -> {
            writeOnDisk(piece, offset, data, done);
        });
        return done;
    }

    private void writeOnDisk(int piece, int offset, ByteBuffer data, CompletableFuture<Void> done) {
        if (verified.has(piece)) {
            done.complete(null);
            return;
        }
        try {
            io.write(piece, offset, data); // writes from a view of its own: data's position stays
        } catch (StorageException e) {
            // The block is not recorded as written, so the piece waits for it to be written again; the
            // piece's other blocks stay valid.
            done.completeExceptionally(e);
            return;
        }
        boolean pieceComplete = completion.written(piece, offset, data);
        // Recorded only now that the file system has the bytes: the journal claims no block a killed
        // process did not write.
        resume.written(piece, offset / BLOCK_LENGTH);
        changed();
        done.complete(null);
        if (pieceComplete) {
            try {
                checkPiece(piece);
            } catch (StorageException e) {
                listener.storageFailed(e);
            }
        }
    }

    /** Hashes a piece; a match counts as verified at once. In the lane only. */
    private PieceResult checkPiece(int piece) throws StorageException {
        PieceResult result;
        if (completion.matches(piece)) {
            // Not forced here: an fsync per piece would cap downloads at the device's write speed.
            // Page-cache data survives a killed process; the resume save forces before it records.
            verified.set(piece, true);
            result = new PieceResult(piece, PieceResult.Outcome.VERIFIED);
        } else {
            verified.set(piece, false);
            completion.failed(piece);
            resume.failed(piece);
            result = new PieceResult(piece, PieceResult.Outcome.HASH_FAILED);
        }
        changed();
        listener.pieceChecked(result);
        if (result.verified()) {
            resume.saveIfDue(verified.snapshot());
        }
        return result;
    }

    @Override
    public CompletionStage<ByteBuffer> readBlock(int piece, int offset, int length) {
        StorageException refused = refusedRead(piece, offset, length);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        ByteBuffer target = ByteBuffer.allocate(length);
        return read(piece, offset, target.duplicate()).thenApply(done -> target);
    }

    @Override
    public CompletionStage<Void> readBlockInto(int piece, int offset, ByteBuffer target) {
        StorageException refused = refusedRead(piece, offset, target.remaining());
        return refused != null ? CompletableFuture.failedFuture(refused) : read(piece, offset, target.duplicate());
    }

    private StorageException refusedRead(int piece, int offset, int length) {
        try {
            checkOpen();
            BlockRequests.checkRead(torrent, piece, offset, length);
            return verified.snapshot().has(piece) ? null : notVerified(piece);
        } catch (StorageException e) {
            return e;
        }
    }

    private CompletionStage<Void> read(int piece, int offset, ByteBuffer into) {
        return disk.call(into.remaining(), () -> {
            if (!verified.has(piece)) {
                throw notVerified(piece);
            }
            io.read(piece, offset, into);
            return null;
        });
    }

    @Override
    public CompletionStage<PieceResult> verify(int piece) {
        try {
            checkOpen();
            BlockRequests.checkPiece(torrent, piece);
        } catch (StorageException e) {
            return CompletableFuture.failedFuture(e);
        }
        return disk.call(0, () -> checkPiece(piece));
    }

    @Override
    public CompletionStage<CheckResult> recheck(CheckProgress progress) {
        try {
            checkOpen();
        } catch (StorageException e) {
            return CompletableFuture.failedFuture(e);
        }
        return disk.call(0, () -> {
            CheckResult result = check.fullCheck(CheckResult.Reason.REQUESTED, progress, System.nanoTime());
            resume.save(verified.snapshot());
            return result;
        });
    }

    @Override
    public PieceSet verified() {
        return verified.snapshot();
    }

    @Override
    public Map<Integer, BitSet> writtenBlocks() {
        Map<Integer, BitSet> copy = new TreeMap<>();
        writtenAtStart.forEach((piece, blocks) -> copy.put(piece, (BitSet) blocks.clone()));
        return copy;
    }

    @Override
    public CompletionStage<Void> saveResume() {
        try {
            checkOpen();
        } catch (StorageException e) {
            return CompletableFuture.failedFuture(e);
        }
        return disk.call(0, () -> {
            resume.save(verified.snapshot());
            return null;
        });
    }

    @Override
    public StorageStats stats() {
        DiskQueue queue = disk.queue();
        return new StorageStats(queue.queued(), queue.maxQueued(), queue.waiting(), io.cache().openCount(),
                io.cache().maxOpen(), completion.piecesHashed(), resume.saves());
    }

    @Override
    public void close() throws StorageException {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> finished = new CompletableFuture<>();
        try {
            disk.awaitIdle();
            disk.execute(() -> finish(finished));
            finished.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(Kind.IO, null, "interrupted while closing " + torrent.name(), e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof StorageException se ? se
                    : new StorageException(Kind.IO, null, "closing " + torrent.name() + " failed", e.getCause());
        } finally {
            disk.shutdownNow();
        }
    }

    /**
     * The last work in the lane: save the resume data (the blocks of pieces in progress too),
     * close every file, drop pieces in progress.
     */
    private void finish(CompletableFuture<Void> finished) {
        StorageException failure = null;
        try {
            if (ready.isDone() && !ready.isCompletedExceptionally()) {
                resume.save(verified.snapshot());
            }
        } catch (StorageException e) {
            failure = e;
        }
        completion.clear();
        resume.close();
        try {
            io.close();
        } catch (StorageException e) {
            failure = failure == null ? e : failure;
        }
        if (failure == null) {
            finished.complete(null);
        } else {
            finished.completeExceptionally(failure);
        }
    }

    /**
     * What a killed process leaves behind: the lane stops where it is, nothing is saved, the
     * descriptors close as the kernel would close them. For crash tests only.
     */
    void simulateCrash() throws InterruptedException {
        closed = true;
        disk.shutdownNow();
        disk.awaitTermination(10, TimeUnit.SECONDS);
        resume.close();
        try {
            io.close();
        } catch (StorageException e) {
            LOG.debug("closing after a simulated crash", e);
        }
    }

    /** For tests: waits until the work queued before it is done (hashing included), saving nothing. */
    void drain() {
        disk.call(0, () -> null).toCompletableFuture().join();
    }

    /**
     * Something the resume data should say changed: saved within one resume interval (debounced: one
     * save for every change in it), and never while nothing changes.
     */
    private void changed() {
        resume.changed();
        disk.saveAfter(options.resumeInterval().toNanos(), this::periodicSave);
    }

    private void periodicSave() {
        try {
            if (ready.isDone() && !closed) {
                resume.saveIfDirty(verified.snapshot());
            }
        } catch (StorageException e) {
            listener.storageFailed(e);
        } catch (RuntimeException e) {
            LOG.warn("periodic resume save failed", e);
        }
    }

    private void checkOpen() throws StorageException {
        if (closed) {
            throw closedException();
        }
    }

    private StorageException closedException() {
        return new StorageException(Kind.CLOSED, "the storage of " + torrent.name() + " is closed");
    }

    private static StorageException notVerified(int piece) {
        return new StorageException(Kind.NOT_VERIFIED, "piece " + piece + " is not verified, so it is not read");
    }
}
