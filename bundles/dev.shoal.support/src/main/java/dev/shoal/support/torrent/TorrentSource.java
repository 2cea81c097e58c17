package dev.shoal.support.torrent;

import dev.shoal.bencode.DecoderLimits;
import dev.shoal.metainfo.InvalidMagnetException;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The torrent a user names, however they name it, as every front-end reads it: a path (relative
 * to a base folder), a {@code file:} URI (what search providers over folders give), an http(s)
 * URL ({@link TorrentUrl}); a magnet link is parsed by {@link #magnet} for the engine to fetch. Files and bodies are
 * read up to what the bencode decoder accepts at all, and no further. Blocks on files and the
 * network: call it off a display thread.
 */
public final class TorrentSource {

    /** The most bytes a torrent file may have: what the bencode decoder accepts at all. */
    public static final int MAX_BYTES = DecoderLimits.DEFAULT.maxInputBytes();

    /** The whole exchange of fetching one torrent file, redirects and body included. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Why {@link #load} refuses a magnet link: the caller adds it to the engine as a link ({@link #magnet}). */
    public static final String MAGNET = "a magnet link is no torrent file: the engine fetches its metadata from"
            + " peers; add it as a link";

    private final int maxBytes;
    private final TorrentUrl url;

    /** @param userAgent what Shoal calls itself to web servers, e.g. "Shoal/0.2.0" */
    public TorrentSource(String userAgent) {
        this(userAgent, MAX_BYTES, TIMEOUT);
    }

    /** With a smaller cap or deadline, for tests. */
    public TorrentSource(String userAgent, int maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.url = new TorrentUrl(userAgent, maxBytes, timeout);
    }

    /**
     * The torrent {@code given} names, parsed.
     *
     * @param base the folder a relative path is relative to
     * @throws TorrentSourceException with a one-line reason when there is none to be had
     * @throws InterruptedException   when the thread is interrupted while fetching
     */
    public Metainfo load(String given, Path base) throws TorrentSourceException, InterruptedException {
        String target = given == null ? "" : given.strip();
        byte[] bytes = read(target, base);
        try {
            return Metainfo.parse(bytes);
        } catch (InvalidTorrentException e) {
            throw new TorrentSourceException(target + ": not a valid torrent: " + e.getMessage());
        }
    }

    /**
     * The magnet link {@code given} is, if it is one (the engine fetches its metadata from peers); empty
     * for anything else, which {@link #load} reads.
     *
     * @throws TorrentSourceException with a one-line reason when it is a magnet link that does not parse
     */
    public static Optional<MagnetLink> magnet(String given) throws TorrentSourceException {
        String target = given == null ? "" : given.strip();
        if (target.isEmpty() || Target.of(target) != Target.MAGNET) {
            return Optional.empty();
        }
        try {
            return Optional.of(MagnetLink.parse(target));
        } catch (InvalidMagnetException e) {
            throw new TorrentSourceException("bad magnet link: " + e.getMessage());
        }
    }

    private byte[] read(String target, Path base) throws TorrentSourceException, InterruptedException {
        if (target.isEmpty()) {
            throw new TorrentSourceException("nothing to open: give a .torrent file or its http(s) URL");
        }
        return switch (Target.of(target)) {
            case MAGNET -> throw new TorrentSourceException(MAGNET);
            case HTTP -> url.fetch(target);
            case FILE_URI -> TorrentFile.read(fileUri(target), maxBytes);
            case OTHER_URL -> throw new TorrentSourceException(target + ": only http, https and file URLs can be read");
            case PATH -> TorrentFile.read(resolve(base, target), maxBytes);
        };
    }

    /** {@code name} against {@code base}, unless it is absolute. */
    private static Path resolve(Path base, String name) throws TorrentSourceException {
        try {
            return base.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new TorrentSourceException(name + ": not a valid path (" + e.getReason() + ")");
        }
    }

    private static Path fileUri(String text) throws TorrentSourceException {
        try {
            return Path.of(new URI(text));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            throw new TorrentSourceException(text + ": not a file URI (file:/path/to/x.torrent)");
        }
    }
}
