package dev.shoal.create.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.Metainfo;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorrentCreatorComponentTest {

    @TempDir
    Path dir;

    @Test
    void componentUsesItsConfiguration() throws Exception {
        byte[] data = new byte[40_000];
        new Random(7).nextBytes(data);
        Path file = Files.write(dir.resolve("c.bin"), data);
        TorrentCreatorComponent component = new TorrentCreatorComponent(config(2));
        Metainfo made = component.create(CreateRequest.builder(file).pieceLength(16 * 1024).build()).metainfo();
        assertEquals(40_000, made.totalLength());
        assertArrayEquals(sha1(Arrays.copyOfRange(data, 32 * 1024, 40_000)), made.pieceHash(2));
        assertEquals(2, TorrentCreatorComponent.threads(config(2)));
        assertEquals(Runtime.getRuntime().availableProcessors(), TorrentCreatorComponent.threads(config(0)));
        component.modified(config(1));
        assertEquals(40_000, component.create(CreateRequest.builder(file).build()).metainfo().totalLength());
    }

    static TorrentCreatorComponent.Config config(int threads) {
        return new TorrentCreatorComponent.Config() {
            @Override
            public int threads() {
                return threads;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return TorrentCreatorComponent.Config.class;
            }
        };
    }

    private static byte[] sha1(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(bytes);
    }
}
