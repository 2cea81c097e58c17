package dev.shoal.create.standalone;

import dev.shoal.metainfo.HashProgress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Computes the v1 piece hashes (SHA-1) of files laid end to end, on a fixed number of threads.
 *
 * <p>The byte stream is cut into chunks of whole pieces, about 4 MiB each. Each worker thread
 * claims the next chunk, reads it with positional reads into its own direct buffer and hashes
 * its pieces with its own digest, writing each hash straight into its slot of the result. Reading
 * in the workers spreads the copy out of the page cache over all cores instead of funnelling it
 * through one reader thread, and needs no hand-off queue; chunks are claimed in order, so the
 * disk still sees a nearly sequential stream. Memory is one 4 MiB buffer per thread whatever the
 * piece length: a piece longer than a buffer is fed to the digest in parts.
 *
 * <p>No OSGi here: {@link StandaloneTorrentCreator} constructs it.
 */
final class PieceHasher {

    static final int BUFFER_BYTES = 4 << 20;

    private static final int HASH_BYTES = 20;
    private static final long PROGRESS_INTERVAL_MILLIS = 100;

    private final int threads;

    public PieceHasher(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one thread, not " + threads);
        }
        this.threads = threads;
    }

    /**
     * Hashes the files as one stream, in pieces of {@code pieceLength} (the last may be shorter).
     * Progress is reported on the calling thread.
     *
     * @return 20 bytes per piece
     */
    public byte[] hash(List<SourceFile> files, int pieceLength, HashProgress progress) throws IOException {
        if (pieceLength < 1) {
            throw new IllegalArgumentException("piece length must be positive");
        }
        Job job = new Job(files, pieceLength);
        if (job.chunkCount == 0) {
            return job.hashes;
        }
        int workers = (int) Math.min(threads, job.chunkCount);
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads());
        try {
            List<Future<Void>> running = new ArrayList<>(workers);
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(new Worker(job)));
            }
            awaitAll(running, job, progress);
        } finally {
            job.stop = true;
            pool.shutdownNow();
        }
        progress.hashed(job.total, job.total);
        return job.hashes;
    }

    private static void awaitAll(List<Future<Void>> running, Job job, HashProgress progress) throws IOException {
        for (Future<Void> future : running) {
            while (true) {
                try {
                    future.get(PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    progress.hashed(job.hashedBytes.get(), job.total);
                } catch (InterruptedException e) {
                    job.stop = true;
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("hashing was interrupted");
                } catch (ExecutionException e) {
                    job.stop = true;
                    throw rethrow(e.getCause());
                }
            }
        }
    }

    private static IOException rethrow(Throwable cause) {
        if (cause instanceof IOException) {
            return (IOException) cause;
        }
        if (cause instanceof UncheckedIOException) {
            return ((UncheckedIOException) cause).getCause();
        }
        if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new IOException(cause);
    }

    /** Names the threads for thread dumps; daemon, so a forgotten pool cannot keep a JVM alive. */
    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "shoal-piece-hasher-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** What the workers share: the layout, the next chunk to claim, the result. */
    private static final class Job {
        final List<SourceFile> files;
        final long[] starts;
        final long total;
        final int pieceLength;
        final long pieceCount;
        final int piecesPerChunk;
        final long chunkCount;
        final byte[] hashes;
        final AtomicLong nextChunk = new AtomicLong();
        final AtomicLong hashedBytes = new AtomicLong();
        volatile boolean stop;

        Job(List<SourceFile> files, int pieceLength) {
            this.files = List.copyOf(files);
            this.starts = new long[files.size()];
            long offset = 0;
            for (int i = 0; i < files.size(); i++) {
                starts[i] = offset;
                offset += files.get(i).length();
            }
            this.total = offset;
            this.pieceLength = pieceLength;
            this.pieceCount = (total + pieceLength - 1) / pieceLength;
            if (pieceCount * HASH_BYTES > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(pieceCount + " pieces are too many; choose longer pieces");
            }
            this.piecesPerChunk = Math.max(1, BUFFER_BYTES / pieceLength);
            this.chunkCount = (pieceCount + piecesPerChunk - 1) / piecesPerChunk;
            this.hashes = new byte[(int) pieceCount * HASH_BYTES];
        }
    }

    /** Claims chunks until none are left, hashing each one's pieces. */
    private static final class Worker implements Callable<Void> {
        private final Job job;
        private final MessageDigest digest = sha1();
        private final ByteBuffer buffer;

        Worker(Job job) {
            this.job = job;
            long chunkBytes = (long) job.piecesPerChunk * job.pieceLength;
            this.buffer = ByteBuffer.allocateDirect((int) Math.min(chunkBytes, BUFFER_BYTES));
        }

        @Override
        public Void call() throws IOException, DigestException {
            try (StreamReader reader = new StreamReader(job.files, job.starts)) {
                long chunk;
                while (!job.stop && (chunk = job.nextChunk.getAndIncrement()) < job.chunkCount) {
                    hashChunk(chunk, reader);
                }
            }
            return null;
        }

        private void hashChunk(long chunk, StreamReader reader) throws IOException, DigestException {
            long piece = chunk * job.piecesPerChunk;
            long position = piece * job.pieceLength;
            long end = Math.min(job.total, (piece + job.piecesPerChunk) * job.pieceLength);
            long pieceEnd = Math.min(job.total, position + job.pieceLength);
            digest.reset();
            while (position < end) {
                if (job.stop || Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("hashing was stopped");
                }
                buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                int read = buffer.limit();
                reader.read(position, buffer);
                buffer.flip();
                while (buffer.hasRemaining()) {
                    int take = (int) Math.min(buffer.remaining(), pieceEnd - position);
                    int limit = buffer.limit();
                    buffer.limit(buffer.position() + take);
                    digest.update(buffer);
                    buffer.limit(limit);
                    position += take;
                    if (position == pieceEnd) {
                        digest.digest(job.hashes, (int) piece * HASH_BYTES, HASH_BYTES);
                        piece++;
                        pieceEnd = Math.min(job.total, pieceEnd + job.pieceLength);
                    }
                }
                job.hashedBytes.addAndGet(read);
            }
        }
    }
}
