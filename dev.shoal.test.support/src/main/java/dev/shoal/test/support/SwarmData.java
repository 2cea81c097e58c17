package dev.shoal.test.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The payload of a test swarm: a folder of files whose bytes follow from a seed, so a test can make
 * hundreds of MiB in a fraction of a second and compare what a client downloaded byte for byte. The
 * default layout is shaped to catch boundary bugs: file sizes that are multiples of neither 16 KiB
 * blocks nor the piece size, so pieces and blocks straddle files, a zero-length file, and folders
 * nested three deep. Everything lives in a temp directory this object owns: {@link #close()} deletes
 * it, downloads made into {@link #newDirectory(String)} included.
 */
public final class SwarmData implements AutoCloseable {

    /** A file of the payload: {@code path} is relative to the top folder, with '/' between names. */
    public record FileSpec(String path, long size) {
    }

    /** How strictly {@link #firstDifference} compares. */
    public enum Compare {
        EXACT,
        /** Transmission 3.00 does not create zero-length files: their absence is no difference. */
        EMPTY_FILES_MAY_BE_MISSING
    }

    public static final long DEFAULT_SIZE = 256L << 20;
    public static final String DEFAULT_NAME = "shoal-swarm";
    public static final long DEFAULT_SEED = 0x5A0A1L;

    private static final int BUFFER = 1 << 20;
    private static final long BLOCK = 16 << 10;

    private final Path root;
    private final String name;
    private final List<FileSpec> files;

    private SwarmData(Path root, String name, List<FileSpec> files) {
        this.root = root;
        this.name = name;
        this.files = List.copyOf(files);
    }

    /** The default layout scaled to about {@code totalBytes} (at least 1 MiB), written under a new temp dir. */
    public static SwarmData generate(long totalBytes) {
        return generate(DEFAULT_NAME, layout(totalBytes), DEFAULT_SEED);
    }

    /** {@code files} under a top folder {@code name} in a new temp dir, bytes drawn from {@code seed}. */
    public static SwarmData generate(String name, List<FileSpec> files, long seed) {
        Path root;
        try {
            root = Files.createTempDirectory("swarm-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SwarmData data = new SwarmData(root, name, files);
        try {
            Files.createDirectories(data.content());
            write(data.content(), files, seed);
        } catch (IOException e) {
            data.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
        return data;
    }

    /** The default layout: {@link #DEFAULT_SIZE}, nine files. */
    public static List<FileSpec> defaultLayout() {
        return layout(DEFAULT_SIZE);
    }

    /**
     * Nine files in folders up to three deep, {@code totalBytes} in all (at least 1 MiB): one empty,
     * a few small, the rest in fixed shares. Every non-empty size is odd, the last one at least not a
     * multiple of 16 KiB, so no file ends on a block or piece boundary.
     */
    public static List<FileSpec> layout(long totalBytes) {
        if (totalBytes < (1 << 20)) {
            throw new IllegalArgumentException("at least 1 MiB, not " + totalBytes);
        }
        List<FileSpec> layout = new ArrayList<>(List.of(
                new FileSpec("disc1/video/main.mkv", odd(totalBytes * 40 / 100)),
                new FileSpec("disc1/video/extra.mkv", odd(totalBytes * 17 / 100)),
                new FileSpec("disc1/audio/track01.flac", odd(totalBytes * 13 / 100)),
                new FileSpec("disc1/audio/track02.flac", odd(totalBytes * 11 / 100)),
                new FileSpec("disc1/cover.jpg", odd(totalBytes / 200)),
                new FileSpec("docs/readme.txt", 4_099),
                new FileSpec("docs/licenses/EMPTY", 0),
                new FileSpec("docs/licenses/COPYING", 17)));
        long rest = totalBytes - layout.stream().mapToLong(FileSpec::size).sum();
        if (rest % BLOCK == 0) {
            FileSpec first = layout.get(0);
            layout.set(0, new FileSpec(first.path(), first.size() - 2));
            rest += 2;
        }
        layout.add(new FileSpec("data.bin", rest));
        return List.copyOf(layout);
    }

    private static long odd(long size) {
        return size | 1;
    }

    /** Writes {@code files} under {@code dir}; each file's bytes follow from {@code seed} and its path alone. */
    public static void write(Path dir, List<FileSpec> files, long seed) {
        files.parallelStream().forEach(file -> {
            try {
                writeFile(dir.resolve(file.path()), file.size(), seed ^ file.path().hashCode() * 0x9E3779B97F4A7C15L);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void writeFile(Path file, long size, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long left = size; left > 0; left -= BUFFER) {
                buffer.clear();
                LongBuffer longs = buffer.asLongBuffer();
                while (longs.hasRemaining()) {
                    longs.put(random.nextLong());
                }
                buffer.limit((int) Math.min(BUFFER, left));
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
        }
    }

    /** The temp dir this object owns. */
    public Path root() {
        return root;
    }

    /** The folder that holds the top folder: the data (save, download) directory to give a seed. */
    public Path seedDir() {
        return root.resolve("seed");
    }

    /** The top folder, {@code seedDir()/name()}. */
    public Path content() {
        return seedDir().resolve(name);
    }

    public String name() {
        return name;
    }

    public List<FileSpec> files() {
        return files;
    }

    public long totalBytes() {
        return files.stream().mapToLong(FileSpec::size).sum();
    }

    /** A new empty directory under {@link #root()}, e.g. a leecher's download directory; deleted on close. */
    public Path newDirectory(String label) {
        try {
            return Files.createTempDirectory(root, label);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code mktorrent} on {@link #content()}, the .torrent written under {@link #root()}. */
    public Torrent makeTorrent(List<URI> trackers, int pieceLengthExponent) {
        return Torrent.mktorrent(content(), root.resolve(name + "-" + pieceLengthExponent + ".torrent"), trackers,
                pieceLengthExponent);
    }

    /**
     * A copy of the seed data in a new directory with one byte inverted in the middle of each of
     * {@code pieces}, for a seed that sends bad blocks. The torrent says where its pieces fall in the files.
     */
    public Path damagedCopy(String label, Torrent torrent, int... pieces) {
        Path copy = newDirectory(label);
        copyTree(seedDir(), copy);
        for (int piece : pieces) {
            if (piece < 0 || piece >= torrent.pieceCount()) {
                throw new IllegalArgumentException("no piece " + piece + " in " + torrent.pieceCount());
            }
            long offset = Math.min(piece * torrent.pieceLength() + torrent.pieceLength() / 2,
                    torrent.totalLength() - 1);
            for (Torrent.Entry file : torrent.files()) {
                if (offset < file.length()) {
                    damage(copy.resolve(file.path()), offset, 1);
                    break;
                }
                offset -= file.length();
            }
        }
        return copy;
    }

    /** Fails unless {@code downloadDir/name()} holds exactly the payload, naming the first difference. */
    public void assertDownloaded(Path downloadDir, Compare how) {
        assertSameTree(content(), downloadDir.resolve(name), how);
    }

    public static void assertSameTree(Path expected, Path actual, Compare how) {
        firstDifference(expected, actual, how).ifPresent(difference -> fail(difference));
    }

    /**
     * The first difference between two trees of regular files, if any: a file missing on either side,
     * a size, or the first differing byte's offset.
     */
    public static Optional<String> firstDifference(Path expected, Path actual, Compare how) {
        try {
            TreeMap<String, Path> left = regularFiles(expected);
            TreeMap<String, Path> right = regularFiles(actual);
            for (var entry : left.entrySet()) {
                Path other = right.remove(entry.getKey());
                long size = Files.size(entry.getValue());
                if (other == null) {
                    if (size == 0 && how == Compare.EMPTY_FILES_MAY_BE_MISSING) {
                        continue;
                    }
                    return Optional.of(entry.getKey() + ": missing in " + actual);
                }
                Optional<String> difference = firstDifference(entry.getValue(), other, size);
                if (difference.isPresent()) {
                    return Optional.of(entry.getKey() + ": " + difference.get() + " (" + expected + " vs " + actual
                            + ")");
                }
            }
            if (!right.isEmpty()) {
                return Optional.of(right.firstKey() + ": not expected, in " + actual);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> firstDifference(Path expected, Path actual, long size) throws IOException {
        long actualSize = Files.size(actual);
        if (actualSize != size) {
            return Optional.of("size " + actualSize + ", expected " + size);
        }
        byte[] a = new byte[BUFFER];
        byte[] b = new byte[BUFFER];
        try (FileChannel left = FileChannel.open(expected); FileChannel right = FileChannel.open(actual)) {
            for (long offset = 0; offset < size; offset += BUFFER) {
                int length = (int) Math.min(BUFFER, size - offset);
                readFully(left, a, offset, length);
                readFully(right, b, offset, length);
                int at = Arrays.mismatch(a, 0, length, b, 0, length);
                if (at >= 0) {
                    return Optional.of(String.format("first difference at offset %d: 0x%02x, expected 0x%02x",
                            offset + at, b[at] & 0xFF, a[at] & 0xFF));
                }
            }
        }
        return Optional.empty();
    }

    private static void readFully(FileChannel channel, byte[] into, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("file shrank while comparing");
            }
        }
    }

    private static TreeMap<String, Path> regularFiles(Path dir) throws IOException {
        TreeMap<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(file -> files.put(dir.relativize(file).toString(), file));
        }
        return files;
    }

    /** Inverts {@code length} bytes of {@code file} from {@code offset}, in place. */
    public static void damage(Path file, long offset, int length) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            byte[] bytes = new byte[length];
            readFully(channel, bytes, offset, length);
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) ~bytes[i];
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer, offset + buffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the tree {@code from} into the directory {@code to}. A file renamed or deleted while it is
     * copied (a live folder: an atomic write's temp file moved into place) is left out, as a kill at
     * that moment would have left it out.
     */
    public static void copyTree(Path from, Path to) {
        try {
            copyInto(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyInto(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
            for (Path source : entries) {
                Path target = to.resolve(source.getFileName().toString());
                try {
                    if (Files.isDirectory(source)) {
                        copyInto(source, target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (NoSuchFileException e) {
                    // gone since the listing
                }
            }
        }
    }

    /** Deletes {@link #root()} and everything under it. */
    @Override
    public void close() {
        ClientProcess.deleteTree(root);
    }
}
