package dev.shoal.cli.internal;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import dev.shoal.metainfo.CreateRequest;

/** Real torrent files for tests, made by the metainfo bundle's creator. */
final class TestTorrents {

    private TestTorrents() {
    }

    /** The bytes of a torrent of {@code size} random bytes named {@code name}, written in {@code dir}. */
    static byte[] create(Path dir, String name, int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Path source = Files.write(dir.resolve(name), data);
        CreateRequest request = CreateRequest.builder(source).tracker("http://127.0.0.1:1/announce").build();
        return new StandaloneTorrentCreator(1).create(request).bytes();
    }
}
