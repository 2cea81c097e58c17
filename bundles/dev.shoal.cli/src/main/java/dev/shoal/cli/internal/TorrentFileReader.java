package dev.shoal.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.shoal.bencode.DecoderLimits;

/** Reads a torrent file from disk without trusting its size. */
final class TorrentFileReader {

    private TorrentFileReader() {
    }

    static byte[] read(Path file) throws CommandFailure {
        int limit = DecoderLimits.DEFAULT.maxInputBytes();
        if (Files.isDirectory(file)) {
            throw new CommandFailure(file + ": is a directory, not a torrent file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            // Read one byte past the limit so a file that grows while we read is caught too.
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new CommandFailure(file + ": larger than " + Sizes.human(limit)
                        + ", too large to be a torrent file");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new CommandFailure(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new CommandFailure(file + ": permission denied");
        } catch (IOException e) {
            throw new CommandFailure(file + ": cannot read: " + e.getMessage());
        }
    }
}
