package dev.shoal.engine.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a batch of file replacements in the store's folder durable with one forced write: the batch
 * is appended to a journal segment ({@code journal-<n>.log}) and forced, then the files are replaced
 * without a sync of their own. A segment is retired later, oldest first, once its files are forced
 * (by then mostly written back by the system, so cheaply) and the folder is; until then a start replays
 * it, so a crash after a batch's forced write keeps all of that batch, and none of a batch cut short.
 * Store thread only (and the start, before it writes).
 */
final class StoreJournal {

    /** A file of the folder replaced by {@code bytes}, or deleted when they are null. */
    record Change(String name, byte[] bytes) {
    }

    static final String TEMP_SUFFIX = ".tmp";
    static final String PREFIX = "journal-";
    static final String SUFFIX = ".log";

    private static final Logger LOG = LoggerFactory.getLogger(StoreJournal.class);
    /** Starts each batch, so a segment's garbage tail is not taken for one. */
    private static final int MAGIC = 0x53484a31;
    private static final int HEADER = 12;
    private static final Pattern SEGMENT = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{1,18})" + Pattern.quote(SUFFIX));
    /** The names a batch may replace: the store's own files ({@code session.state} too), nothing outside. */
    private static final Pattern NAME = Pattern.compile("[0-9a-z]+\\.(torrent|state)");

    /** A segment and the files its batches replaced, not forced yet. */
    private static final class Segment {
        final Path file;
        final Set<String> unforced = new LinkedHashSet<>();
        /** A batch of it not applied to its files whole: only a replay at the next start can. */
        boolean unapplied;
        /** When its files were last written (nanoTime): the system writes them back some time after. */
        long written = System.nanoTime();

        Segment(Path file) {
            this.file = file;
        }

        boolean settled(Duration settle) {
            return System.nanoTime() - written >= settle.toNanos();
        }
    }

    private final Path directory;
    private final StoreDisk disk;
    private final long segmentLimit;
    /** Closed segments, oldest first, waiting to be retired. */
    private final Deque<Segment> closed = new ArrayDeque<>();
    private Segment current;
    private FileChannel channel;
    private long nextNumber = 1;

    /** @param segmentLimit the size past which a segment is closed and a new one begun */
    StoreJournal(Path directory, StoreDisk disk, long segmentLimit) {
        this.directory = directory;
        this.disk = disk;
        this.segmentLimit = segmentLimit;
    }

    /**
     * At start: every segment's whole batches replace their files again, oldest first (a torn last
     * batch is left out), and the segments wait to be retired.
     */
    void replay() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        TreeMap<Long, Path> segments = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path entry : entries) {
                var matcher = SEGMENT.matcher(entry.getFileName().toString());
                if (matcher.matches()) {
                    segments.put(Long.parseLong(matcher.group(1)), entry);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read the journal in {}: {}", directory, e.getMessage());
            return;
        }
        long started = System.nanoTime();
        int changes = 0;
        for (var entry : segments.entrySet()) {
            nextNumber = Math.max(nextNumber, entry.getKey() + 1);
            Segment segment = new Segment(entry.getValue());
            try {
                for (List<Change> batch : batches(Files.readAllBytes(segment.file), segment.file)) {
                    apply(batch, segment, true);
                    changes += batch.size();
                }
            } catch (IOException | UncheckedIOException e) {
                segment.unapplied = true;
                LOG.warn("cannot replay the journal {}: {}", segment.file, e.getMessage());
            }
            closed.add(segment);
        }
        if (!segments.isEmpty()) {
            LOG.info("replayed {} changes from {} journal segments in {} ms", changes, segments.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** One batch: appended to the journal and forced (the one sync), then applied to the files. */
    void commit(List<Change> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        byte[] record = encode(batch);
        if (channel == null) {
            open();
        }
        long before = channel.position();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(record);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            disk.force(channel);
        } catch (IOException e) {
            // What follows a torn batch would not be read back: the next batch starts a new segment.
            try {
                channel.truncate(before);
            } catch (IOException ignored) {
                // The torn tail stays; a replay stops there.
            }
            close();
            throw e;
        }
        try {
            apply(batch, current, false);
            current.written = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            current.unapplied = true;
            close();
            throw e;
        }
        if (channel.position() >= segmentLimit) {
            close();
        }
    }

    /** True while some segment could be retired. */
    boolean pending() {
        return current != null || !closed.isEmpty() && !closed.peekFirst().unapplied;
    }

    /** Closes the segment being written, so that {@link #retire} takes it too. */
    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", current.file, e.getMessage());
            }
            channel = null;
            closed.add(current);
            current = null;
        }
    }

    /** Closes the segment being written once nothing was written to it for {@code settle}. */
    void closeIfSettled(Duration settle) {
        if (current != null && current.settled(settle)) {
            close();
        }
    }

    /**
     * Forces up to {@code budget} files of the oldest closed segments whose files were last written
     * {@code settle} ago or more (forcing those the system has written back costs little), retiring
     * (deleting) each whose files are all forced, after a sync of the folder. False while such
     * segments remain; one with a batch not applied, and those after it, wait for the next start.
     */
    boolean retire(int budget, Duration settle) throws IOException {
        int left = budget;
        while (!closed.isEmpty() && !closed.peekFirst().unapplied && closed.peekFirst().settled(settle)) {
            Segment oldest = closed.peekFirst();
            Iterator<String> names = oldest.unforced.iterator();
            while (names.hasNext()) {
                if (left-- <= 0) {
                    return false;
                }
                disk.forceFile(directory.resolve(names.next()));
                names.remove();
            }
            // The renames and deletions first; then the segment may go (its own deletion is made
            // durable by the next retirement's sync, before that one's segment goes).
            disk.forceDirectory(directory);
            Files.deleteIfExists(oldest.file);
            closed.removeFirst();
        }
        return true;
    }

    private void open() throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(PREFIX + String.format("%08d", nextNumber++) + SUFFIX);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        current = new Segment(file);
        disk.forceDirectory(directory);
    }

    /** @param replaying a file that holds the change already is left alone (most do, after a stop) */
    private void apply(List<Change> batch, Segment segment, boolean replaying) throws IOException {
        for (Change change : batch) {
            segment.unforced.add(change.name());
        }
        for (Change change : batch) {
            Path target = directory.resolve(change.name());
            if (change.bytes() == null) {
                Files.deleteIfExists(target);
            } else if (!replaying || !holds(target, change.bytes())) {
                replace(target, change.bytes());
            }
        }
    }

    private static boolean holds(Path file, byte[] bytes) {
        try {
            return Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
            return false;
        }
    }

    /** Readers see the old content or the new, never half; the journal makes it durable. */
    private static void replace(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        Files.write(temp, bytes);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** magic, payload length, CRC-32 of the payload; the payload: count, then per change name, length, bytes. */
    private static byte[] encode(List<Change> batch) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(payload)) {
            out.writeInt(batch.size());
            for (Change change : batch) {
                out.writeUTF(change.name());
                out.writeInt(change.bytes() == null ? -1 : change.bytes().length);
                if (change.bytes() != null) {
                    out.write(change.bytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = payload.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        return ByteBuffer.allocate(HEADER + body.length).putInt(MAGIC).putInt(body.length).putInt((int) crc.getValue())
                .put(body).array();
    }

    /** The whole batches of a segment, up to the first that is torn or not one. */
    static List<List<Change>> batches(byte[] segment, Path file) {
        List<List<Change>> batches = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(segment);
        while (in.remaining() >= HEADER) {
            int magic = in.getInt();
            int length = in.getInt();
            int expected = in.getInt();
            if (magic != MAGIC || length < 4 || length > in.remaining()) {
                LOG.warn("the journal {} ends with a batch cut short, left out", file);
                break;
            }
            ByteBuffer body = in.slice(in.position(), length);
            in.position(in.position() + length);
            CRC32 crc = new CRC32();
            crc.update(body.duplicate());
            List<Change> batch = crc.getValue() == (expected & 0xffffffffL) ? decode(body) : null;
            if (batch == null) {
                LOG.warn("the journal {} has a damaged batch, left out with what follows", file);
                break;
            }
            batches.add(batch);
        }
        return batches;
    }

    private static List<Change> decode(ByteBuffer body) {
        try {
            int count = body.getInt();
            List<Change> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] utf = new byte[Short.toUnsignedInt(body.getShort())];
                body.get(utf);
                String name = new String(utf, StandardCharsets.UTF_8);
                int length = body.getInt();
                if (!NAME.matcher(name).matches() || length > body.remaining()) {
                    return null;
                }
                byte[] bytes = length < 0 ? null : new byte[length];
                if (bytes != null) {
                    body.get(bytes);
                }
                batch.add(new Change(name, bytes));
            }
            return body.hasRemaining() ? null : batch;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
