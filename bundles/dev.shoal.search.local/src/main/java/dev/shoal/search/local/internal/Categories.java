package dev.shoal.search.local.internal;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.search.api.SearchCategory;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses what a torrent holds from its files' extensions, weighed by size: a film with a subtitle
 * file and a cover picture is a film. A torrent file says nothing else about its content.
 */
final class Categories {

    private static final Map<String, SearchCategory> BY_EXTENSION = byExtension();

    private Categories() {
    }

    private static Map<String, SearchCategory> byExtension() {
        Map<String, SearchCategory> map = new HashMap<>();
        Set.of("mkv", "mp4", "m4v", "avi", "mov", "wmv", "webm", "mpg", "mpeg", "ts", "m2ts", "flv", "ogv")
                .forEach(e -> map.put(e, SearchCategory.MOVIES));
        Set.of("mp3", "flac", "ogg", "oga", "opus", "m4a", "aac", "wav", "wma", "ape", "alac")
                .forEach(e -> map.put(e, SearchCategory.MUSIC));
        Set.of("iso", "img", "deb", "rpm", "exe", "msi", "dmg", "apk", "appimage")
                .forEach(e -> map.put(e, SearchCategory.SOFTWARE));
        Set.of("epub", "pdf", "mobi", "azw3", "djvu", "cbz", "cbr")
                .forEach(e -> map.put(e, SearchCategory.BOOKS));
        return Map.copyOf(map);
    }

    /**
     * The category holding most of the bytes, {@link SearchCategory#OTHER} included: a large archive
     * with a short sample video is no film.
     */
    static SearchCategory guess(List<FileEntry> files) {
        Map<SearchCategory, Long> bytes = new EnumMap<>(SearchCategory.class);
        for (FileEntry file : files) {
            if (file.isPadding()) {
                continue;
            }
            // +1: a torrent of empty files still has a kind.
            bytes.merge(of(file.path().get(file.path().size() - 1)), file.length() + 1, Long::sum);
        }
        return bytes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(SearchCategory.OTHER);
    }

    /** The category of one file name by its extension. */
    static SearchCategory of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return SearchCategory.OTHER;
        }
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), SearchCategory.OTHER);
    }
}
