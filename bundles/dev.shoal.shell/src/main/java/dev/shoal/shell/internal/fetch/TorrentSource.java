package dev.shoal.shell.internal.fetch;

import dev.shoal.bencode.DecoderLimits;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.shell.internal.args.ShellException;
import dev.shoal.shell.internal.text.Quantities;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A torrent named in a command: a file (relative to the session's directory), a {@code file:} URI
 * (what search providers over folders give) or an http(s) URL.
 */
public final class TorrentSource {

    /** The most bytes a torrent file may have: what the bencode decoder accepts at all. */
    static final int MAX_BYTES = DecoderLimits.DEFAULT.maxInputBytes();

    private final UrlFetch fetch;

    public TorrentSource(UrlFetch fetch) {
        this.fetch = fetch;
    }

    public Metainfo load(String target, Path currentDirectory) throws InterruptedException {
        byte[] bytes;
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("magnet:")) {
            throw new ShellException("magnet links are not supported yet; give a torrent file or its http(s) URL");
        } else if (lower.startsWith("http://") || lower.startsWith("https://")) {
            bytes = fetch.fetch(target);
        } else if (lower.startsWith("file:")) {
            bytes = read(fileOf(target));
        } else if (target.matches("(?s)[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
            throw new ShellException(target + ": only http, https and file URLs can be read");
        } else {
            bytes = read(resolve(currentDirectory, target));
        }
        try {
            return Metainfo.parse(bytes);
        } catch (InvalidTorrentException e) {
            throw new ShellException(target + ": not a valid torrent: " + e.getMessage());
        }
    }

    /** {@code name} against the session's directory, unless it is absolute. */
    public static Path resolve(Path currentDirectory, String name) {
        try {
            return currentDirectory.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new ShellException(name + ": not a valid path (" + e.getReason() + ")");
        }
    }

    private static Path fileOf(String uri) {
        try {
            return Path.of(new URI(uri));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            throw new ShellException(uri + ": not a file URI (file:/path/to/x.torrent)");
        }
    }

    private static byte[] read(Path file) {
        if (Files.isDirectory(file)) {
            throw new ShellException(file + ": is a directory, not a torrent file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            // One byte past the limit, so a file growing while it is read is caught as well.
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ShellException(file + ": larger than " + Quantities.size(MAX_BYTES) + ", not a torrent file");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new ShellException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ShellException(file + ": permission denied");
        } catch (IOException e) {
            throw new ShellException(file + ": cannot read: " + e.getMessage());
        }
    }
}
