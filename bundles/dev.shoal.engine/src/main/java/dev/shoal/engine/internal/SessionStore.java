package dev.shoal.engine.internal;

import dev.shoal.engine.internal.RecordCodec.Session;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.ParseOptions;
import dev.shoal.metainfo.PathPolicy;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's torrents on disk, one folder: per torrent {@code <info-hash>.torrent} (the exact
 * torrent file) and {@code <info-hash>.state} (its {@link TorrentRecord}; alone, without a torrent
 * file, for a magnet link whose metadata is not known yet), and {@code session.state}
 * (next short id, queue order). Written in batches through a {@link StoreJournal}, one forced write
 * each. Plain blocking I/O: the engine calls it from its store thread ({@link SessionWriter}) and
 * once at start to restore. Reading never hashes data: the storage's
 * resume files vouch for that later, when a torrent opens.
 */
final class SessionStore {

    static final String TORRENT_SUFFIX = ".torrent";
    static final String STATE_SUFFIX = ".state";
    static final String BAD_SUFFIX = ".bad";
    static final String SESSION_FILE = "session.state";
    /** Torrents are parsed as for downloading: their paths map to the disk as they did when added. */
    static final ParseOptions PARSE = ParseOptions.DEFAULT.withPathPolicy(PathPolicy.SANITIZE);

    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
    private static final long MAX_TORRENT_BYTES = 64L << 20;

    /** A torrent read back; without metainfo for a magnet link still fetching it. */
    record Restored(Optional<Metainfo> metainfo, TorrentRecord record) {
    }

    /** Everything read back: the torrents in queue order, and the next id to give. */
    record Loaded(int nextId, List<Restored> torrents) {
    }

    /** A journal segment is closed past this size, so that it can be retired. */
    static final long SEGMENT_LIMIT = 8L << 20;

    private final Path directory;
    private final StoreJournal journal;

    SessionStore(Path directory) {
        this(directory, new PlatformDisk(), SEGMENT_LIMIT);
    }

    SessionStore(Path directory, StoreDisk disk, long segmentLimit) {
        this.directory = directory.toAbsolutePath().normalize();
        this.journal = new StoreJournal(this.directory, disk, segmentLimit);
    }

    Path directory() {
        return directory;
    }

    static StoreJournal.Change torrent(InfoHash infoHash, byte[] torrent) {
        return new StoreJournal.Change(infoHash.hex() + TORRENT_SUFFIX, torrent);
    }

    static StoreJournal.Change record(TorrentRecord record) {
        return new StoreJournal.Change(record.infoHash().hex() + STATE_SUFFIX, RecordCodec.encode(record));
    }

    static StoreJournal.Change session(Session session) {
        return new StoreJournal.Change(SESSION_FILE, RecordCodec.encode(session));
    }

    /** Forgets a torrent: its record first, so a kill in between leaves no torrent without its file. */
    static List<StoreJournal.Change> delete(InfoHash infoHash) {
        return List.of(new StoreJournal.Change(infoHash.hex() + STATE_SUFFIX, null),
                new StoreJournal.Change(infoHash.hex() + TORRENT_SUFFIX, null));
    }

    /** Writes a batch of changes with one forced write ({@link StoreJournal}). */
    void write(List<StoreJournal.Change> batch) throws IOException {
        journal.commit(batch);
    }

    /** True while journal segments wait to be retired. */
    boolean unretired() {
        return journal.pending();
    }

    /** Closes the journal segment being written: what follows goes to a new one, retired later. */
    void closeSegment() {
        journal.close();
    }

    /** Closes the journal segment being written once nothing was written to it for {@code settle}. */
    void closeSegmentIfSettled(Duration settle) {
        journal.closeIfSettled(settle);
    }

    /**
     * Forces up to {@code budget} of the files the closed journal segments settled for {@code settle}
     * vouch for, retiring the segments whose files all are ({@link StoreJournal#retire}). False while
     * some remain.
     */
    boolean retire(int budget, Duration settle) throws IOException {
        return journal.retire(budget, settle);
    }

    /**
     * Reads every torrent back. One that cannot be read (corrupt, truncated, not matching its name,
     * half of a pair) gets one warning and is moved aside to {@code *.bad}; the others load.
     */
    Loaded load() {
        if (!Files.isDirectory(directory)) {
            return new Loaded(1, List.of());
        }
        journal.replay();
        Session session = loadSession();
        Map<String, Restored> byHex = new HashMap<>();
        Set<String> torrentFiles = new HashSet<>();
        List<Path> stateFiles = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(StoreJournal.TEMP_SUFFIX)) {
                    Files.deleteIfExists(entry); // a write cut short; the file it was replacing is intact
                } else if (name.endsWith(TORRENT_SUFFIX)) {
                    torrentFiles.add(stem(name, TORRENT_SUFFIX));
                } else if (name.endsWith(STATE_SUFFIX) && !name.equals(SESSION_FILE)) {
                    stateFiles.add(entry);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read the torrents in {}: {}", directory, e.getMessage());
            return new Loaded(session.nextId(), List.of());
        }
        for (Path stateFile : stateFiles) {
            String hex = stem(stateFile.getFileName().toString(), STATE_SUFFIX);
            torrentFiles.remove(hex);
            try {
                byHex.put(hex, restore(hex));
            } catch (IOException | IllegalArgumentException | InvalidTorrentException e) {
                LOG.warn("cannot restore the torrent {} from {}, moved aside to *{}: {}", hex, directory, BAD_SUFFIX,
                        Lifecycle.oneLine(e.getMessage()));
                moveAside(hex);
            }
        }
        for (String orphan : torrentFiles) {
            LOG.warn("the torrent file {}{} in {} has no state record, moved aside to *{}", orphan, TORRENT_SUFFIX,
                    directory, BAD_SUFFIX);
            moveAside(orphan);
        }
        List<Restored> ordered = inQueueOrder(session, byHex);
        int nextId = session.nextId();
        for (Restored restored : ordered) {
            nextId = Math.max(nextId, restored.record().id() + 1);
        }
        return new Loaded(nextId, ordered);
    }

    private Restored restore(String hex) throws IOException, InvalidTorrentException {
        TorrentRecord record = RecordCodec.decodeTorrent(read(directory.resolve(hex + STATE_SUFFIX),
                RecordCodec.MAX_BYTES));
        if (!record.infoHash().hex().equals(hex)) {
            throw new IllegalArgumentException("its record names " + record.infoHash().hex());
        }
        Path torrentFile = directory.resolve(hex + TORRENT_SUFFIX);
        if (record.magnet().isPresent() && !Files.exists(torrentFile)) {
            return new Restored(Optional.empty(), record);
        }
        Metainfo metainfo = Metainfo.parse(read(directory.resolve(hex + TORRENT_SUFFIX), MAX_TORRENT_BYTES), PARSE);
        if (!metainfo.infoHash().hex().equals(hex)) {
            throw new IllegalArgumentException("its torrent file has the info-hash " + metainfo.infoHash().hex());
        }
        if (record.magnet().isPresent()) {
            // Stopped after the metadata was kept but before its record was: it starts as just fetched.
            record = Additions.afterMetadata(record, metainfo);
        }
        if (record.verified().pieceCount() != metainfo.pieceCount()) {
            throw new IllegalArgumentException("its record has " + record.verified().pieceCount() + " pieces, the"
                    + " torrent " + metainfo.pieceCount());
        }
        if (record.priorities().size() != new FileTable(metainfo).size()) {
            throw new IllegalArgumentException("its record has " + record.priorities().size() + " file priorities");
        }
        return new Restored(Optional.of(metainfo), record);
    }

    /** The session's queue order first; torrents it does not list (a kill mid-add) after, oldest first. */
    private static List<Restored> inQueueOrder(Session session, Map<String, Restored> byHex) {
        List<Restored> ordered = new ArrayList<>(byHex.size());
        for (InfoHash listed : session.queue()) {
            Restored restored = byHex.remove(listed.hex());
            if (restored != null) {
                ordered.add(restored);
            }
        }
        byHex.values().stream()
                .sorted(Comparator.comparing((Restored r) -> r.record().added()).thenComparing(r -> r.record().id()))
                .forEach(ordered::add);
        // Ids are unique: a clash (only a hand-edited folder has one) keeps the first in queue order.
        Map<Integer, Restored> byId = new TreeMap<>();
        List<Restored> unique = new ArrayList<>(ordered.size());
        for (Restored restored : ordered) {
            if (byId.putIfAbsent(restored.record().id(), restored) == null) {
                unique.add(restored);
            } else {
                LOG.warn("the torrent {} has the id {} of another, left out", restored.record().infoHash().hex(),
                        restored.record().id());
            }
        }
        return unique;
    }

    private Session loadSession() {
        Path file = directory.resolve(SESSION_FILE);
        try {
            return RecordCodec.decodeSession(read(file, RecordCodec.MAX_BYTES));
        } catch (NoSuchFileException e) {
            return new Session(1, List.of());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot read {}, moved aside to *{}; ids and queue order are rebuilt from the torrents: {}", file,
                    BAD_SUFFIX, Lifecycle.oneLine(e.getMessage()));
            moveAside(file);
            return new Session(1, List.of());
        }
    }

    private static byte[] read(Path file, long limit) throws IOException {
        long size = Files.size(file);
        if (size > limit) {
            throw new IOException(file.getFileName() + " is larger than " + limit + " bytes");
        }
        return Files.readAllBytes(file);
    }

    private void moveAside(String hex) {
        moveAside(directory.resolve(hex + STATE_SUFFIX));
        moveAside(directory.resolve(hex + TORRENT_SUFFIX));
    }

    private static void moveAside(Path file) {
        try {
            if (Files.exists(file)) {
                Files.move(file, file.resolveSibling(file.getFileName() + BAD_SUFFIX),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("cannot move {} aside: {}", file, e.getMessage());
        }
    }

    private static String stem(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }
}
