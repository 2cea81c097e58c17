package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Content for torrents (random, reproducible) and the expectations that go with it. */
final class Fixtures {

    private Fixtures() {
    }

    /** A file of {@code size} bytes drawn from a random stream seeded with {@code seed}. */
    static Path randomFile(Path file, long size, long seed) {
        try {
            Files.createDirectories(file.getParent());
            Random random = new Random(seed);
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long left = size; left > 0; ) {
                    random.nextBytes(buffer);
                    int n = (int) Math.min(buffer.length, left);
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory {@code root} holding random files of the given sizes at the given '/'-separated paths. */
    static Path tree(Path root, Map<String, Long> sizes) {
        long seed = root.getFileName().toString().hashCode();
        for (Map.Entry<String, Long> file : new TreeMap<>(sizes).entrySet()) {
            randomFile(root.resolve(file.getKey()), file.getValue(), seed++);
        }
        return root;
    }

    /**
     * The regular files under {@code content} with their sizes, by '/'-separated path inside it;
     * for a single file, that file by its own name.
     */
    static SortedMap<String, Long> onDisk(Path content) {
        SortedMap<String, Long> files = new TreeMap<>();
        try {
            if (Files.isRegularFile(content)) {
                files.put(content.getFileName().toString(), Files.size(content));
                return files;
            }
            try (Stream<Path> walk = Files.walk(content)) {
                for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    files.put(slashes(content.relativize(file)), Files.size(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static long totalSize(Map<String, Long> files) {
        return files.values().stream().mapToLong(Long::longValue).sum();
    }

    static long pieceCount(long totalSize, long pieceLength) {
        return (totalSize + pieceLength - 1) / pieceLength;
    }

    /**
     * The "files" of {@code shoal info --json} as path to length, without padding files. A path may
     * be given with or without the torrent's name in front (the spec leaves it open): when every
     * path of a multi-file torrent starts with "name/", that prefix is dropped.
     */
    static SortedMap<String, Long> shoalFiles(JsonNode info) {
        JsonNode files = info.get("files");
        assertTrue(files != null && files.isArray(), () -> "no \"files\" array in " + info);
        String prefix = info.path("name").asText() + "/";
        boolean allPrefixed = files.size() > 0;
        for (JsonNode file : files) {
            allPrefixed &= file.path("path").asText().startsWith(prefix);
        }
        SortedMap<String, Long> result = new TreeMap<>();
        for (JsonNode file : files) {
            assertTrue(file.path("length").isIntegralNumber(), () -> "file without an integer length: " + file);
            if (file.path("padding").asBoolean(false)) {
                continue;
            }
            String path = file.path("path").asText();
            result.put(allPrefixed ? path.substring(prefix.length()) : path, file.path("length").asLong());
        }
        return result;
    }

    /** libtorrent's file list ({@code name/path} for multi-file torrents) the same way. */
    static SortedMap<String, Long> libtorrentFiles(JsonNode read, boolean multiFile) {
        String prefix = read.path("name").asText() + "/";
        SortedMap<String, Long> result = new TreeMap<>();
        for (JsonNode file : read.path("files")) {
            String path = file.path("path").asText();
            if (multiFile) {
                assertTrue(path.startsWith(prefix), () -> "libtorrent path " + path + " outside " + prefix);
            }
            result.put(multiFile ? path.substring(prefix.length()) : path, file.path("size").asLong());
        }
        return result;
    }

    /** Paths only, as transmission-show lists them (name/path), made relative the same way. */
    static SortedMap<String, Boolean> transmissionFiles(TransmissionShow show, boolean multiFile) {
        SortedMap<String, Boolean> result = new TreeMap<>();
        for (String path : show.files()) {
            String relative = path;
            if (multiFile) {
                assertTrue(path.startsWith(show.name() + "/"), () -> "transmission path " + path);
                relative = path.substring(show.name().length() + 1);
            }
            result.put(relative, true);
        }
        return result;
    }

    /** Asserts the fields every v1 torrent of ours must show in {@code shoal info --json}. */
    static void assertV1Info(JsonNode info, String name, SortedMap<String, Long> files, long pieceLength) {
        String json = info.toString();
        assertEquals("v1", info.path("version").asText(), () -> "version in " + json);
        assertTrue(info.path("infoHashV1").asText().matches("[0-9a-f]{40}"), () -> "infoHashV1 in " + json);
        assertTrue(info.path("infoHashV2").isNull(), () -> "infoHashV2 should be null for v1: " + json);
        assertEquals(name, info.path("name").asText(), () -> "name in " + json);
        long total = totalSize(files);
        assertEquals(total, info.path("totalSize").asLong(-1), () -> "totalSize in " + json);
        assertEquals(pieceLength, info.path("pieceLength").asLong(-1), () -> "pieceLength in " + json);
        assertEquals(pieceCount(total, pieceLength), info.path("pieceCount").asLong(-1), () -> "pieceCount in " + json);
        assertEquals(files, shoalFiles(info), () -> "files in " + json);
        for (JsonNode file : info.path("files")) {
            assertFalse(file.path("padding").asBoolean(false), () -> "a v1 torrent of ours has no padding files: " + json);
        }
    }

    private static String slashes(Path relative) {
        StringBuilder out = new StringBuilder();
        for (Path part : relative) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }
}
