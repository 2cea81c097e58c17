package dev.shoal.ui.swt.internal.adding;

import dev.shoal.ui.swt.internal.Units;
import dev.shoal.bencode.DecoderLimits;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.Metainfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Turns what the user gave (a path, a file: URI, an http(s) URL, a magnet link) into a torrent.
 * Blocks on files and the network: call it off the display thread. Files and bodies are read up
 * to what the bencode decoder accepts at all, and no further.
 */
public final class TorrentSource {

    /** The most bytes a torrent file may have: what the bencode decoder accepts at all. */
    public static final int MAX_BYTES = DecoderLimits.DEFAULT.maxInputBytes();

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    static final String MAGNET = "magnet links need the torrent's metadata from peers (BEP 9), which Shoal"
            + " cannot fetch yet; open the .torrent file instead";

    private final int limit;
    private final HttpFetch http;

    public TorrentSource() {
        this(MAX_BYTES, TIMEOUT);
    }

    /** With a smaller cap or deadline, for tests. */
    TorrentSource(int limit, Duration timeout) {
        this.limit = limit;
        this.http = new HttpFetch(limit, timeout);
    }

    /**
     * The torrent {@code given} names.
     *
     * @throws SourceException with a one-line reason when there is none to be had
     * @throws InterruptedException when the thread is interrupted while fetching
     */
    public Metainfo load(String given) throws SourceException, InterruptedException {
        String target = given == null ? "" : given.strip();
        if (target.isEmpty()) {
            throw new SourceException("nothing to open: give a .torrent file or its http(s) URL");
        }
        byte[] bytes = switch (Target.of(target)) {
            case MAGNET -> throw new SourceException(MAGNET);
            case HTTP -> http.fetch(target);
            case FILE_URI -> read(fileUri(target));
            case OTHER_URL -> throw new SourceException(target + ": only http and https URLs can be fetched");
            case PATH -> read(path(target));
        };
        try {
            return Metainfo.parse(bytes);
        } catch (InvalidTorrentException e) {
            throw new SourceException(target + ": not a valid torrent: " + e.getMessage());
        }
    }

    private static Path path(String text) throws SourceException {
        try {
            return Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new SourceException(text + ": not a valid path (" + e.getReason() + ")");
        }
    }

    private static Path fileUri(String text) throws SourceException {
        try {
            return Path.of(URI.create(text));
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new SourceException(text + ": not a valid file URI");
        }
    }

    private byte[] read(Path file) throws SourceException {
        if (Files.isDirectory(file)) {
            throw new SourceException(file + ": is a folder, not a torrent file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            // One byte past the limit, so a file growing while it is read is caught as well.
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new SourceException(file + ": larger than " + Units.bytes(limit) + ", not a torrent file");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new SourceException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new SourceException(file + ": permission denied");
        } catch (IOException e) {
            throw new SourceException(file + ": cannot read: " + e.getMessage());
        }
    }
}
