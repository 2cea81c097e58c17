package dev.shoal.search.local.internal;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchResult;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a search needs of one torrent file, kept instead of the parsed torrent (whose piece hashes
 * and raw info dictionary can weigh megabytes).
 *
 * @param name     the torrent's name, cut to what a result's title may hold
 * @param text     the name and the distinct names of its files and folders, lower-case, one per
 *                 line, at most {@value #MAX_TEXT} characters: what query words are looked for in
 * @param size     bytes, pad files left out
 * @param infoHash the v1 info-hash in hex, or {@code null} for a v2-only torrent (results carry v1 hashes)
 * @param created  the torrent's creation date, or {@code null}
 * @param category what its files look like
 */
record IndexedTorrent(String name, String text, long size, String infoHash, Instant created,
        SearchCategory category) {

    /**
     * Bounds the memory each cached torrent takes, whatever its file count: enough for the names
     * of some hundreds of files; the names past it are not searched.
     */
    static final int MAX_TEXT = 16_384;

    IndexedTorrent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(category, "category");
    }

    static IndexedTorrent of(Metainfo metainfo) {
        List<FileEntry> files = metainfo.files();
        Set<String> names = new LinkedHashSet<>();
        names.add(metainfo.name());
        long size = 0;
        for (FileEntry file : files) {
            if (!file.isPadding()) {
                names.addAll(file.path());
                size += file.length();
            }
        }
        StringBuilder text = new StringBuilder();
        for (String part : names) {
            if (text.length() + part.length() + 1 > MAX_TEXT) {
                break;
            }
            text.append(part.toLowerCase(Locale.ROOT)).append('\n');
        }
        String name = metainfo.name().length() <= SearchResult.MAX_TITLE ? metainfo.name()
                : metainfo.name().substring(0, SearchResult.MAX_TITLE);
        return new IndexedTorrent(name, text.toString(), size,
                metainfo.infoHashV1().map(InfoHash::hex).orElse(null), metainfo.creationDate().orElse(null),
                Categories.guess(files));
    }

    /** True when every word (lower-case already) is in the name or in a file's or folder's name. */
    boolean matches(List<String> words) {
        for (String word : words) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The result for the torrent file at {@code torrentFile}, dated by the torrent's creation date
     * or, without one, by {@code modified} (when the file came here).
     */
    SearchResult toResult(URI torrentFile, Instant modified) {
        return SearchResult.builder(name)
                .category(category)
                .size(size)
                .infoHash(infoHash)
                .torrentUrl(torrentFile)
                .published(created != null ? created : modified)
                .build();
    }
}
