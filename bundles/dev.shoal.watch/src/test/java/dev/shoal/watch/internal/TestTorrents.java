package dev.shoal.watch.internal;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import dev.shoal.engine.api.EngineException;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Real torrent files for the tests, and a sink that keeps what it is given. */
final class TestTorrents {

    private TestTorrents() {
    }

    /** The bytes of a torrent of one small file holding {@code content}, made under {@code work}. */
    static byte[] torrent(Path work, String content) throws IOException {
        Path source = Files.createDirectories(work.resolve("sources")).resolve(content);
        Files.writeString(source, content.repeat(100), StandardCharsets.UTF_8);
        CreateRequest request = CreateRequest.builder(source).pieceLength(16 * 1024).noCreationDate().build();
        return new StandaloneTorrentCreator(1).create(request).bytes();
    }

    /** The names in {@code directory}, sorted; none when it is missing. */
    static List<String> names(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** One torrent added. */
    record Added(Metainfo metainfo, boolean paused) {
    }

    /** One magnet link added. */
    record AddedMagnet(MagnetLink magnet, boolean paused) {
    }

    /** Keeps what it is given, and refuses a torrent twice as the engine does. */
    static final class RecordingSink implements TorrentSink {

        final List<Added> added = new CopyOnWriteArrayList<>();
        final List<AddedMagnet> magnets = new CopyOnWriteArrayList<>();

        @Override
        public void add(Metainfo metainfo, boolean paused) throws EngineException {
            InfoHash hash = metainfo.infoHash();
            if (added.stream().anyMatch(a -> a.metainfo().infoHash().equals(hash))) {
                throw new EngineException("already added: " + metainfo.name() + " (" + hash.hex() + ")");
            }
            added.add(new Added(metainfo, paused));
        }

        @Override
        public void add(MagnetLink magnet, boolean paused) throws EngineException {
            InfoHash hash = magnet.infoHash();
            if (magnets.stream().anyMatch(a -> a.magnet().infoHash().equals(hash))) {
                throw new EngineException("already added: " + hash.hex());
            }
            magnets.add(new AddedMagnet(magnet, paused));
        }
    }
}
