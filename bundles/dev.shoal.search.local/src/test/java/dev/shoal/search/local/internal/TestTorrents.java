package dev.shoal.search.local.internal;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.CreatedTorrent;
import dev.shoal.metainfo.TorrentCreator;
import dev.shoal.search.api.ResultSink;
import dev.shoal.search.api.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Real torrent files, made by the metainfo bundle's creator from real files, and a sink that keeps results. */
final class TestTorrents {

    private static final TorrentCreator CREATOR = new StandaloneTorrentCreator(1);

    private TestTorrents() {
    }

    /**
     * Writes {@code into/fileName} holding a torrent named {@code name} of the given files (path
     * under the torrent's folder → size); a single-file torrent when only {@code name} itself is given.
     *
     * @param created the creation date to write, or {@code null} for none
     */
    static CreatedTorrent write(Path into, String fileName, Path work, String name, Map<String, Integer> files,
            Instant created) throws IOException {
        Path source = Files.createDirectories(work.resolve("sources").resolve(fileName)).resolve(name);
        if (files.size() == 1 && files.containsKey(name)) {
            Files.write(source, content(files.get(name)));
        } else {
            for (Map.Entry<String, Integer> file : files.entrySet()) {
                Path path = source.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, content(file.getValue()));
            }
        }
        CreateRequest.Builder request = CreateRequest.builder(source).pieceLength(16 * 1024)
                .tracker("http://tracker.example/announce");
        request = created == null ? request.noCreationDate() : request.creationDate(created);
        CreatedTorrent torrent = CREATOR.create(request.build());
        Files.createDirectories(into);
        Files.write(into.resolve(fileName), torrent.bytes());
        return torrent;
    }

    /** A single-file torrent of {@code size} bytes named {@code name}, with no creation date. */
    static CreatedTorrent single(Path into, String fileName, Path work, String name, int size) throws IOException {
        return write(into, fileName, work, name, Map.of(name, size), null);
    }

    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + size);
        }
        return bytes;
    }

    /** Keeps what it is offered; says stop after {@code stopAfter} results, or cancelled once told. */
    static class Sink implements ResultSink {

        final List<SearchResult> results = new CopyOnWriteArrayList<>();
        private final int stopAfter;
        volatile boolean cancelled;

        Sink() {
            this(Integer.MAX_VALUE);
        }

        Sink(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public boolean offer(SearchResult result) {
            results.add(result);
            return !cancelled && results.size() < stopAfter;
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        List<String> titles() {
            return results.stream().map(SearchResult::title).sorted().toList();
        }
    }
}
