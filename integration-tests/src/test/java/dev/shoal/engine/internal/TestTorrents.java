package dev.shoal.engine.internal;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.Metainfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Small real torrents made from random files on disk with Shoal's own creator. */
final class TestTorrents {

    private TestTorrents() {
    }

    /** A file of the torrent: its path under the torrent's folder and its size. */
    record Spec(String path, int size) {
    }

    /**
     * Writes {@code files} under {@code downloads/name} and makes a multi-file torrent of them.
     *
     * @param trackers one tier per URL; none for a torrent without trackers
     */
    static Metainfo create(Path downloads, String name, int pieceLength, List<String> trackers, long seed,
            Spec... files) throws IOException {
        Path top = downloads.resolve(name);
        Random random = new Random(seed);
        for (Spec spec : files) {
            Path file = top.resolve(spec.path());
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[spec.size()];
            random.nextBytes(bytes);
            Files.write(file, bytes);
        }
        CreateRequest.Builder request = CreateRequest.builder(top).pieceLength(pieceLength).noCreationDate();
        trackers.forEach(request::tracker);
        return new StandaloneTorrentCreator(2).create(request.build()).metainfo();
    }

    /** Three files whose sizes are multiples of neither the block nor the piece, one piece of 32 KiB. */
    static Metainfo small(Path downloads, String name, List<String> trackers) throws IOException {
        return create(downloads, name, 32 * 1024, trackers, name.hashCode(), new Spec("a.bin", 70_001),
                new Spec("sub/b.bin", 33_333), new Spec("sub/deeper/c.bin", 5_000));
    }

    /** Where the torrent's file {@code index} lies under {@code downloads}. */
    static Path file(Path downloads, Metainfo torrent, int index) {
        FileEntry entry = torrent.files().get(index);
        Path path = downloads;
        for (String part : entry.path()) {
            path = path.resolve(part);
        }
        return path;
    }
}
