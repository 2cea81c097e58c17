package org.example.shoal.search;

import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a catalog of releases: one per line, four fields separated by tabs —
 * name, size in bytes, torrent URL, info-hash — with {@code -} for an unknown size or hash.
 * Blank lines and lines starting with {@code #} are skipped.
 *
 * <p>Every line becomes a {@link SearchResult} right here, so a bad line fails when the catalog is
 * read (with its line number), never later in a search.
 */
final class Catalog {

    /** A catalog is read whole into memory: bound it. */
    static final int MAX_ENTRIES = 10_000;

    private Catalog() {
    }

    /**
     * @param source what to call the catalog in messages (a file name)
     * @throws IOException when it cannot be read, or a line is not a valid entry
     */
    static List<SearchResult> read(BufferedReader reader, String source) throws IOException {
        List<SearchResult> releases = new ArrayList<>();
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (releases.size() == MAX_ENTRIES) {
                throw new IOException(source + ": more than " + MAX_ENTRIES + " entries");
            }
            try {
                releases.add(entry(line));
            } catch (IllegalArgumentException | URISyntaxException e) {
                throw new IOException(source + " line " + number + ": " + e.getMessage());
            }
        }
        return List.copyOf(releases);
    }

    private static SearchResult entry(String line) throws URISyntaxException {
        String[] fields = line.split("\t", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException("expected 4 tab-separated fields, found " + fields.length);
        }
        // The builder checks what SearchResult requires: a title, a torrent URL of http, https
        // or file, an info-hash of 40 hex digits.
        return SearchResult.builder(fields[0])
                .category(SearchCategory.SOFTWARE)
                .size(fields[1].equals("-") ? -1 : Long.parseLong(fields[1].strip()))
                .torrentUrl(new URI(fields[2].strip()))
                .infoHash(fields[3].equals("-") ? null : fields[3].strip())
                .build();
    }
}
