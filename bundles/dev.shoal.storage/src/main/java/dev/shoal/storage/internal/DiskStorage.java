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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A torrent's storage on one disk thread of its own. Callers' threads only validate and queue; all
 * file access, hashing and resume saving happen on the disk thread, in order, so the piece state
 * needs no locks. What other threads read (the verified set, counters) is published as immutable
 * snapshots.
 *
 * <p>Throughput note for a future JMH benchmark: a block write is one positional write into the page
 * cache (~GB/s); a completed piece costs one read-back from the page cache, SHA-1 (~1 GB/s per
 * core on current x86 with SHA extensions, ~500 MB/s without) and an fdatasync. One disk thread should
 * therefore sustain several hundred MB/s of 16 KiB blocks with 1-4 MiB pieces on an SSD; with small
 * pieces the fsync per piece dominates and a pool of hashing threads plus batched forcing would be
 * the next step. Measure: blocks/s through writeBlock with a 16 MiB queue, random block order.
 */
public final class DiskStorage implements TorrentStorage {

    private static final Logger LOG = LoggerFactory.getLogger(DiskStorage.class);

    private final Metainfo torrent;
    private final StorageOptions options;
    private final PieceListener listener;
    private final PieceIo io;
    private final ResumeKeeper resume;
    private final ScheduledExecutorService disk;
    private final DiskQueue queue;
    private final BlockTracker blocks = new BlockTracker();
    private final StreamingHashes streaming;
    private final BitSet verifiedBits;
    private final CompletableFuture<CheckResult> ready = new CompletableFuture<>();
    private final AtomicLong piecesHashed = new AtomicLong();
    private volatile PieceSet verified;
    private volatile boolean closed;

    private DiskStorage(Metainfo torrent, StorageOptions options, PieceListener listener, PieceIo io,
            ResumeFile resumeFile) {
        this.torrent = torrent;
        this.options = options;
        this.listener = listener;
        this.io = io;
        this.resume = new ResumeKeeper(torrent, io, resumeFile, options.resumeInterval().toNanos());
        this.verifiedBits = new BitSet(torrent.pieceCount());
        this.streaming = new StreamingHashes(torrent);
        this.verified = PieceSet.empty(torrent.pieceCount());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, work -> {
            Thread thread = new Thread(work, "shoal-disk-" + torrent.infoHash().hex().substring(0, 8));
            // Daemon: an abandoned storage must not keep the JVM alive; close() is what saves state.
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.disk = executor;
        this.queue = new DiskQueue(options.queueBytes(), disk);
    }

    /** Opens a torrent's storage and starts its startup check on the disk thread. */
    public static DiskStorage open(Metainfo torrent, Path downloadDirectory, Path resumeFile, StorageOptions options,
            PieceListener listener, ChannelOpener opener) throws StorageException {
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
        DiskStorage storage = new DiskStorage(torrent, options, listener, io, new ResumeFile(resumeFile));
        storage.start();
        return storage;
    }

    private void start() {
        disk.execute(this::startupCheck);
        long interval = options.resumeInterval().toNanos();
        disk.scheduleWithFixedDelay(this::periodicSave, interval, interval, TimeUnit.NANOSECONDS);
    }

    private void startupCheck() {
        long started = System.nanoTime();
        try {
            io.createEmptyFiles();
            ResumeFile.Loaded loaded = resume.load();
            CheckResult.Reason reason;
            PieceSet trusted = null;
            if (loaded.data().isPresent()) {
                trusted = resume.trusted(loaded.data().get()).orElse(null);
                reason = trusted != null ? CheckResult.Reason.RESUMED : CheckResult.Reason.RESUME_MISMATCH;
            } else {
                reason = loaded.problem().isPresent() ? CheckResult.Reason.RESUME_CORRUPT
                        : CheckResult.Reason.NO_RESUME_DATA;
            }
            loaded.problem().ifPresent(problem -> LOG.warn("unusable resume data, rechecking: {}", problem));
            CheckResult result = trusted != null
                    ? trust(trusted, started)
                    : fullCheck(reason, CheckProgress.NONE, started);
            if (options.allocation() == StorageOptions.Allocation.PREALLOCATE) {
                // After the check: extending a file changes its stamp, which must not spoil the comparison.
                io.preallocate();
                resume.changed();
            }
            resume.saveIfDirty(verified);
            ready.complete(result);
        } catch (StorageException e) {
            listener.storageFailed(e);
            ready.completeExceptionally(e);
        } catch (RuntimeException e) {
            ready.completeExceptionally(e);
            throw e;
        }
    }

    private CheckResult trust(PieceSet trusted, long started) {
        verifiedBits.clear();
        verifiedBits.or(trusted.toBitSet());
        verified = trusted;
        return new CheckResult(CheckResult.Reason.RESUMED, trusted, 0, elapsedSince(started));
    }

    /** Hashes every piece that may be on disk; disk thread only. */
    private CheckResult fullCheck(CheckResult.Reason reason, CheckProgress progress, long started)
            throws StorageException {
        BitSet found = new BitSet(torrent.pieceCount());
        int hashed = 0;
        for (int piece = 0; piece < torrent.pieceCount(); piece++) {
            if (io.mayBePresent(piece)) {
                hashed++;
                piecesHashed.incrementAndGet();
                Boolean streamed = streaming.matches(piece);
        if (streamed != null ? streamed : io.hashMatches(piece)) {
                    found.set(piece);
                }
            }
            progress.progress(piece + 1, torrent.pieceCount());
        }
        // What a recheck finds may still sit in the page cache of a process that died: make it durable.
        io.forceFilesOf(found);
        verifiedBits.clear();
        verifiedBits.or(found);
        verified = PieceSet.of(found, torrent.pieceCount());
        resume.changed();
        return new CheckResult(reason, verified, hashed, elapsedSince(started));
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
        submit(data.remaining(), done, () -> {
            writeOnDisk(piece, offset, data, done);
        });
        return done;
    }

    private void writeOnDisk(int piece, int offset, ByteBuffer data, CompletableFuture<Void> done) {
        if (verifiedBits.get(piece)) {
            done.complete(null);
            return;
        }
        try {
            ByteBuffer bytes = data.duplicate();
            io.write(piece, offset, data);
            streaming.written(piece, offset, bytes);
        } catch (StorageException e) {
            // The block is not recorded as written, so the piece waits for it to be written again; the
            // piece's other blocks stay valid.
            done.completeExceptionally(e);
            return;
        }
        resume.changed();
        done.complete(null);
        if (blocks.written(piece, offset, torrent.pieceSize(piece))) {
            try {
                checkPiece(piece);
            } catch (StorageException e) {
                listener.storageFailed(e);
            }
        }
    }

    /** Hashes a piece; a match counts as verified at once. Disk thread only. */
    private PieceResult checkPiece(int piece) throws StorageException {
        piecesHashed.incrementAndGet();
        PieceResult result;
        Boolean streamed = streaming.matches(piece);
        if (streamed != null ? streamed : io.hashMatches(piece)) {
            // Not forced here: an fsync per piece would cap downloads at the device's write speed.
            // Page-cache data survives a killed process; the resume save forces before it records.
            verifiedBits.set(piece);
            result = new PieceResult(piece, PieceResult.Outcome.VERIFIED);
        } else {
            verifiedBits.clear(piece);
            blocks.clear(piece);
            result = new PieceResult(piece, PieceResult.Outcome.HASH_FAILED);
        }
        verified = PieceSet.of(verifiedBits, torrent.pieceCount());
        resume.changed();
        listener.pieceChecked(result);
        if (result.verified()) {
            resume.saveIfDue(verified);
        }
        return result;
    }

    @Override
    public CompletionStage<ByteBuffer> readBlock(int piece, int offset, int length) {
        try {
            checkOpen();
            BlockRequests.checkRead(torrent, piece, offset, length);
            if (!verified.has(piece)) {
                throw notVerified(piece);
            }
        } catch (StorageException e) {
            return CompletableFuture.failedFuture(e);
        }
        return submitCall(length, () -> {
            if (!verifiedBits.get(piece)) {
                throw notVerified(piece);
            }
            return io.read(piece, offset, length);
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
        return submitCall(0, () -> checkPiece(piece));
    }

    @Override
    public CompletionStage<CheckResult> recheck(CheckProgress progress) {
        try {
            checkOpen();
        } catch (StorageException e) {
            return CompletableFuture.failedFuture(e);
        }
        return submitCall(0, () -> {
            CheckResult result = fullCheck(CheckResult.Reason.REQUESTED, progress, System.nanoTime());
            resume.save(verified);
            return result;
        });
    }

    @Override
    public PieceSet verified() {
        return verified;
    }

    @Override
    public CompletionStage<Void> saveResume() {
        try {
            checkOpen();
        } catch (StorageException e) {
            return CompletableFuture.failedFuture(e);
        }
        return submitCall(0, () -> {
            resume.save(verified);
            return null;
        });
    }

    @Override
    public StorageStats stats() {
        return new StorageStats(queue.queued(), queue.maxQueued(), queue.waiting(), io.cache().openCount(),
                io.cache().maxOpen(), piecesHashed.get(), resume.saves());
    }

    @Override
    public void close() throws StorageException {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> finished = new CompletableFuture<>();
        try {
            queue.awaitIdle();
            disk.execute(() -> finish(finished));
            finished.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(Kind.IO, null, "interrupted while closing " + torrent.name(), e);
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof StorageException se ? se
                    : new StorageException(Kind.IO, null, "closing " + torrent.name() + " failed", e.getCause());
        } finally {
            disk.shutdownNow();
        }
    }

    /** The last work on the disk thread: save the resume data, then close every file. */
    private void finish(CompletableFuture<Void> finished) {
        StorageException failure = null;
        try {
            if (ready.isDone() && !ready.isCompletedExceptionally()) {
                resume.save(verified);
            }
        } catch (StorageException e) {
            failure = e;
        }
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
     * What a killed process leaves behind: the disk thread stops where it is, nothing is saved, the
     * descriptors close as the kernel would close them. For crash tests only.
     */
    void simulateCrash() throws InterruptedException {
        closed = true;
        disk.shutdownNow();
        disk.awaitTermination(10, TimeUnit.SECONDS);
        try {
            io.close();
        } catch (StorageException e) {
            LOG.debug("closing after a simulated crash", e);
        }
    }

    private void periodicSave() {
        try {
            if (ready.isDone() && !closed) {
                resume.saveIfDirty(verified);
            }
        } catch (StorageException e) {
            listener.storageFailed(e);
        } catch (RuntimeException e) {
            // A throwing listener must not cancel the periodic save.
            LOG.warn("periodic resume save failed", e);
        }
    }

    /** Work for the disk thread that gives a value or fails with a StorageException. */
    @FunctionalInterface
    private interface DiskCall<T> {
        T call() throws StorageException;
    }

    /** Runs {@code call} on the disk thread; its value or its failure completes the stage. */
    private <T> CompletableFuture<T> submitCall(int bytes, DiskCall<T> call) {
        CompletableFuture<T> done = new CompletableFuture<>();
        submit(bytes, done, () -> {
            try {
                done.complete(call.call());
            } catch (StorageException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private void submit(int bytes, CompletableFuture<?> done, Runnable work) {
        try {
            queue.submit(bytes, () -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(closedException());
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

    private static java.time.Duration elapsedSince(long started) {
        return java.time.Duration.ofNanos(System.nanoTime() - started);
    }
}
