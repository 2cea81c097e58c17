package dev.shoal.search.local.internal;

import dev.shoal.search.api.ResultSink;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchResult;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searching with one configuration: its folders and bounds, and the catalog of the torrent files
 * it has read. A new configuration makes a new one (and reads the files anew once). Safe for several
 * searches at once.
 */
final class LocalSearch {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSearch.class);

    private final LocalSettings settings;
    private final TorrentCatalog catalog;

    LocalSearch(LocalSettings settings) {
        this.settings = settings;
        // Twice what one walk looks at: room for files that come and go between complete walks.
        this.catalog = new TorrentCatalog(2 * settings.maxFiles(), settings.maxTorrentBytes());
    }

    LocalSettings settings() {
        return settings;
    }

    int cached() {
        return catalog.size();
    }

    /**
     * Offers every torrent file whose name or file names hold all the query's words, until the limit,
     * the end of the folders, or the search is cancelled.
     *
     * @throws IllegalStateException when no folder is configured
     * @throws NoSuchFileException   when none of the configured folders exists
     */
    ScanReport run(String query, SearchOptions options, ResultSink sink) throws IOException {
        if (settings.folders().isEmpty()) {
            throw new IllegalStateException("no folders to search: set 'folders' in the configuration "
                    + LocalSearchProvider.PID);
        }
        List<String> words = words(query);
        ScanReport report = new ScanReport();
        Set<String> offeredHashes = new HashSet<>();
        BooleanSupplier stop = () -> sink.cancelled() || Thread.currentThread().isInterrupted();
        FolderWalk walk = new FolderWalk(settings, stop, (file, attributes) -> {
            SearchResult result = match(file, attributes, words, options, report);
            if (result == null || (result.infoHash() != null && !offeredHashes.add(result.infoHash()))) {
                return true; // no match, or the same torrent already offered from another file
            }
            report.offered++;
            return sink.offer(result) && report.offered < options.limit();
        }, report);
        walk.walk();
        if (report.complete()) {
            catalog.retainOnly(walk.seen());
        }
        LOG.debug("local search for '{}': {}", query, report);
        if (report.missing.size() == settings.folders().size()) {
            throw new NoSuchFileException("none of the folders to search exists: " + settings.folders().stream()
                    .map(Path::toString).collect(Collectors.joining(", ")));
        }
        return report;
    }

    /** The result for one torrent file when it matches, else null; counts what it meets. */
    private SearchResult match(Path file, BasicFileAttributes attributes, List<String> words, SearchOptions options,
            ScanReport report) {
        if (catalog.tooLarge(attributes)) {
            report.tooLarge++;
            LOG.debug("local search: {} skipped: {} bytes, more than {}", file, attributes.size(),
                    settings.maxTorrentBytes());
            return null;
        }
        TorrentCatalog.Read read;
        try {
            read = catalog.read(file, attributes);
        } catch (IOException e) {
            report.unreadable++;
            LOG.debug("local search: {} cannot be read: {}", file, e.toString());
            return null;
        }
        if (read.fresh()) {
            report.parsed++;
        }
        IndexedTorrent torrent = read.torrent();
        if (torrent == null) {
            report.malformed++;
            if (read.fresh()) {
                LOG.debug("local search: {} skipped: {}", file, read.problem());
            }
            return null;
        }
        if (!torrent.matches(words) || !options.wants(torrent.category())) {
            return null;
        }
        try {
            return torrent.toResult(file.toUri(), attributes.lastModifiedTime().toInstant());
        } catch (IllegalArgumentException e) {
            // A name of blanks only, a path too long for a link: nothing a result can carry.
            report.malformed++;
            LOG.debug("local search: {} skipped: {}", file, e.getMessage());
            return null;
        }
    }

    /** The query's words, lower-case, each once. */
    static List<String> words(String query) {
        return Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).distinct()
                .toList();
    }
}
