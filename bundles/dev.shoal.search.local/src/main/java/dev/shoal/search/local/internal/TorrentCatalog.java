package dev.shoal.search.local.internal;

import dev.shoal.bencode.DecoderLimits;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.ParseOptions;
import dev.shoal.metainfo.PathPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Torrent files parsed once and kept while their size and modification time stay the same, so a
 * search after the first reads only what changed. Malformed files are remembered too, so they are
 * not parsed again at every search. Safe for several searches at once (two may parse the same new
 * file; the later one's entry stays).
 */
final class TorrentCatalog {

    /** One file as last read: its torrent, or why it is none. */
    private record Entry(long size, FileTime modified, IndexedTorrent torrent, String problem) {
    }

    /**
     * What a file holds.
     *
     * @param torrent the torrent, or {@code null} when the file is none
     * @param problem why it is none, or {@code null}
     * @param fresh   read and parsed now, rather than taken from the catalog
     */
    record Read(IndexedTorrent torrent, String problem, boolean fresh) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final int maxTorrentBytes;
    private final ParseOptions parseOptions;

    /**
     * @param capacity        entries kept at most; when full the catalog starts over, so it never
     *                        outgrows what the searches look at
     * @param maxTorrentBytes larger files are not read
     */
    TorrentCatalog(int capacity, int maxTorrentBytes) {
        this.capacity = capacity;
        this.maxTorrentBytes = maxTorrentBytes;
        DecoderLimits limits = DecoderLimits.DEFAULT;
        // SANITIZE, not REJECT: a torrent with a file name unsafe on some platform is still worth
        // finding, and the engine rewrites such names the same way when it downloads.
        this.parseOptions = ParseOptions.DEFAULT.withPathPolicy(PathPolicy.SANITIZE)
                .withLimits(new DecoderLimits(maxTorrentBytes, limits.maxDepth(),
                        Math.min(maxTorrentBytes, limits.maxStringBytes()), limits.maxValues()));
    }

    /** True when the file is larger than a torrent file may be here; such files are never read. */
    boolean tooLarge(BasicFileAttributes attributes) {
        return attributes.size() > maxTorrentBytes;
    }

    /**
     * The torrent in {@code file}, from the catalog when the file's size and modification time are
     * those it had when read last.
     *
     * @throws IOException when the file cannot be read (not remembered: it may be readable next time)
     */
    Read read(Path file, BasicFileAttributes attributes) throws IOException {
        Entry known = entries.get(file);
        if (known != null && known.size() == attributes.size()
                && known.modified().equals(attributes.lastModifiedTime())) {
            return new Read(known.torrent(), known.problem(), false);
        }
        Entry entry = parse(file, attributes);
        if (entries.size() >= capacity && !entries.containsKey(file)) {
            entries.clear();
        }
        entries.put(file, entry);
        return new Read(entry.torrent(), entry.problem(), true);
    }

    private Entry parse(Path file, BasicFileAttributes attributes) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // One byte past the limit, so a file that grew since its attributes were read is caught.
            bytes = in.readNBytes(maxTorrentBytes + 1);
        }
        String problem;
        if (bytes.length > maxTorrentBytes) {
            problem = "larger than " + maxTorrentBytes + " bytes";
        } else {
            try {
                return new Entry(attributes.size(), attributes.lastModifiedTime(),
                        IndexedTorrent.of(Metainfo.parse(bytes, parseOptions)), null);
            } catch (InvalidTorrentException e) {
                problem = e.getMessage();
            } catch (RuntimeException e) {
                // The parser's checks should have said InvalidTorrentException; one file must not end the search.
                problem = "cannot be parsed: " + e;
            }
        }
        return new Entry(attributes.size(), attributes.lastModifiedTime(), null, problem);
    }

    /** Forgets the files not in {@code present}: after a whole look at the folders, those are gone. */
    void retainOnly(Set<Path> present) {
        entries.keySet().retainAll(present);
    }

    int size() {
        return entries.size();
    }
}
