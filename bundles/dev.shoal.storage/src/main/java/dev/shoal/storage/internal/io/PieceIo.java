package dev.shoal.storage.internal.io;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.internal.layout.FileLayout;
import dev.shoal.storage.internal.layout.IoErrors;
import dev.shoal.storage.internal.layout.SafePaths;
import dev.shoal.storage.internal.layout.Span;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Piece-level reads, writes, hashing and forcing over the torrent's files. Used only on the disk
 * thread: it owns one reusable hashing buffer and the open-file cache, so memory stays flat however
 * large the pieces are.
 *
 * <p>{@link #hashMatches(int)} is the read-back: a piece whose blocks arrived in order was already
 * hashed as they were written (the storage's {@code StreamingHashes}); one whose blocks came out of
 * order (rarest first, several peers) or that a check finds on disk is hashed here. The read-back of a
 * piece just written normally hits the page cache.
 */
public final class PieceIo implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;

    private final Metainfo torrent;
    private final FileLayout layout;
    private final SafePaths paths;
    private final List<Path> filePaths;
    private final FileCache cache;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    private final MessageDigest sha1;

    public PieceIo(Metainfo torrent, SafePaths paths, int openFileLimit, ChannelOpener opener)
            throws StorageException {
        this.torrent = torrent;
        this.layout = new FileLayout(torrent);
        this.paths = paths;
        this.filePaths = new ArrayList<>(torrent.files().size());
        for (FileEntry file : torrent.files()) {
            // Pad files never reach the disk, but their paths are checked all the same.
            filePaths.add(paths.resolve(file));
        }
        this.cache = new FileCache(openFileLimit, checked(opener));
        try {
            this.sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    public FileLayout layout() {
        return layout;
    }

    public Path path(int file) {
        return filePaths.get(file);
    }

    public FileCache cache() {
        return cache;
    }

    /** Writes {@code data} at {@code offset} of {@code piece}; pad-file bytes are skipped. */
    public void write(int piece, int offset, ByteBuffer data) throws StorageException {
        ByteBuffer source = data.duplicate();
        for (Span span : layout.spans(layout.pieceStart(piece) + offset, source.remaining())) {
            source.limit(source.position() + span.length());
            if (!span.padding()) {
                Path path = filePaths.get(span.file());
                try {
                    FileChannel channel = cache.get(span.file(), path, true);
                    long position = span.fileOffset();
                    while (source.hasRemaining()) {
                        position += channel.write(source, position);
                    }
                } catch (IOException e) {
                    throw IoErrors.map(e, display(path), "writing");
                }
            }
            source.position(source.limit());
        }
    }

    /** Fills {@code target}'s remaining bytes from {@code offset} of {@code piece}; pad-file bytes read as zeros. */
    public void read(int piece, int offset, ByteBuffer target) throws StorageException {
        try {
            readInto(layout.pieceStart(piece) + offset, target);
        } catch (NoSuchFileException | EOFException e) {
            // A verified piece's file vanished or shrank behind our back.
            throw IoErrors.map(e, display(Path.of(e.getMessage())), "reading (file missing or short)");
        }
    }

    /**
     * True when the piece on disk matches its hash. A missing or short file is simply a mismatch.
     */
    public boolean hashMatches(int piece) throws StorageException {
        int size = torrent.pieceSize(piece);
        sha1.reset();
        long position = layout.pieceStart(piece);
        long end = position + size;
        try {
            while (position < end) {
                chunk.clear().limit((int) Math.min(CHUNK, end - position));
                readInto(position, chunk);
                chunk.flip();
                position += chunk.remaining();
                sha1.update(chunk);
            }
        } catch (NoSuchFileException | EOFException absent) {
            return false;
        }
        return MessageDigest.isEqual(sha1.digest(), torrent.pieceHash(piece));
    }

    /** True when every file byte of the piece could be on disk: its files exist and are long enough. */
    public boolean mayBePresent(int piece) {
        for (Span span : layout.pieceSpans(piece, torrent.pieceSize(piece))) {
            if (!span.padding()) {
                try {
                    if (Files.size(filePaths.get(span.file())) < span.fileOffset() + span.length()) {
                        return false;
                    }
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Forces every file that holds a byte of one of {@code pieces} to the device (fdatasync), before a
     * resume save records them and after a recheck found them.
     */
    public void forceFilesOf(java.util.BitSet pieces) throws StorageException {
        java.util.BitSet files = new java.util.BitSet(filePaths.size());
        for (int piece = pieces.nextSetBit(0); piece >= 0; piece = pieces.nextSetBit(piece + 1)) {
            for (Span span : layout.pieceSpans(piece, torrent.pieceSize(piece))) {
                if (!span.padding()) {
                    files.set(span.file());
                }
            }
        }
        for (int file = files.nextSetBit(0); file >= 0; file = files.nextSetBit(file + 1)) {
            Path path = filePaths.get(file);
            try {
                cache.get(file, path, false).force(false);
            } catch (IOException e) {
                throw IoErrors.map(e, display(path), "forcing to disk");
            }
        }
    }

    /**
     * Whether any of the torrent's files holds a byte: when none does, no piece can be on disk and a
     * check has nothing to hash (one look per file, instead of one per piece, each a missing file).
     */
    public boolean anyFileHasData() {
        for (int i = 0; i < filePaths.size(); i++) {
            FileEntry file = torrent.files().get(i);
            if (file.isPadding() || file.length() == 0) {
                continue;
            }
            try {
                if (Files.size(filePaths.get(i)) > 0) {
                    return true;
                }
            } catch (NoSuchFileException e) {
                // not there: nothing of it
            } catch (IOException e) {
                return true; // cannot tell: the check looks
            }
        }
        return false;
    }

    /** Creates the zero-length files (nothing else would) and their directories. */
    public void createEmptyFiles() throws StorageException {
        for (int i = 0; i < filePaths.size(); i++) {
            FileEntry file = torrent.files().get(i);
            if (file.length() == 0 && !file.isPadding()) {
                try {
                    cache.get(i, filePaths.get(i), true);
                    cache.close(i);
                } catch (IOException e) {
                    throw IoErrors.map(e, display(filePaths.get(i)), "creating");
                }
            }
        }
    }

    /**
     * Reserves every file's full length by writing zeros from its current end (see
     * {@code StorageOptions.Allocation.PREALLOCATE}); data already there is left alone.
     */
    public void preallocate() throws StorageException {
        ByteBuffer zeros = ByteBuffer.allocate(CHUNK);
        for (int i = 0; i < filePaths.size(); i++) {
            FileEntry file = torrent.files().get(i);
            if (file.isPadding()) {
                continue;
            }
            Path path = filePaths.get(i);
            try {
                FileChannel channel = cache.get(i, path, true);
                long position = channel.size();
                while (position < file.length()) {
                    zeros.clear().limit((int) Math.min(CHUNK, file.length() - position));
                    position += channel.write(zeros, position);
                }
                channel.force(false);
            } catch (IOException e) {
                throw IoErrors.map(e, display(path), "preallocating");
            }
        }
    }

    private void readInto(long streamOffset, ByteBuffer target) throws NoSuchFileException, EOFException,
            StorageException {
        int end = target.limit();
        for (Span span : layout.spans(streamOffset, target.remaining())) {
            target.limit(target.position() + span.length());
            if (span.padding()) {
                while (target.hasRemaining()) {
                    target.put((byte) 0); // rare, and the target may be direct (no array to fill)
                }
                continue;
            }
            Path path = filePaths.get(span.file());
            try {
                FileChannel channel = cache.get(span.file(), path, false);
                long position = span.fileOffset();
                while (target.hasRemaining()) {
                    int read = channel.read(target, position);
                    if (read < 0) {
                        throw new EOFException(path.toString());
                    }
                    position += read;
                }
            } catch (NoSuchFileException | EOFException expected) {
                throw expected;
            } catch (IOException e) {
                throw IoErrors.map(e, display(path), "reading");
            }
        }
        target.limit(end);
    }

    private ChannelOpener checked(ChannelOpener opener) {
        return (path, create) -> {
            paths.checkOnDisk(path);
            if (create) {
                Files.createDirectories(path.getParent());
                paths.checkOnDisk(path);
            }
            return opener.open(path, create);
        };
    }

    private Path display(Path path) {
        return Path.of(paths.display(path));
    }

    @Override
    public void close() throws StorageException {
        try {
            cache.close();
        } catch (IOException e) {
            throw IoErrors.map(e, paths.root(), "closing files under");
        }
    }
}
