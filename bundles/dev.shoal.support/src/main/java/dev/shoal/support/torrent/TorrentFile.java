package dev.shoal.support.torrent;

import dev.shoal.support.text.Sizes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A torrent file read from disk without trusting its size. */
public final class TorrentFile {

    private TorrentFile() {
    }

    /**
     * The file's bytes, at most {@code maxBytes} of them.
     *
     * @throws TorrentSourceException naming the file and why: missing, a directory, unreadable, too large
     */
    public static byte[] read(Path file, int maxBytes) throws TorrentSourceException {
        if (Files.isDirectory(file)) {
            throw new TorrentSourceException(file + ": is a directory, not a torrent file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            // One byte past the limit, so a file growing while it is read is caught as well.
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new TorrentSourceException(file + ": larger than " + Sizes.of(maxBytes) + ", not a torrent file");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new TorrentSourceException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new TorrentSourceException(file + ": permission denied");
        } catch (IOException e) {
            throw new TorrentSourceException(file + ": cannot read: " + e.getMessage());
        }
    }
}
