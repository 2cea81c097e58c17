package dev.shoal.create.standalone;

import java.nio.file.Path;
import java.util.List;

/**
 * A file to put into a new torrent.
 *
 * @param file         where it is on disk
 * @param torrentPath  its path inside the torrent: for a multi-file torrent relative to the
 *                     torrent's directory, for a single-file torrent just the torrent's name
 * @param length       its size when it was listed
 */
record SourceFile(Path file, List<String> torrentPath, long length) {

    public SourceFile {
        torrentPath = List.copyOf(torrentPath);
    }
}
