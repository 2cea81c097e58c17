package dev.shoal.support.torrent;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a piece of text names, for adding a torrent: a magnet link, an http(s) URL, a file: URI or a path. */
public enum Target {
    MAGNET, HTTP, FILE_URI, OTHER_URL, PATH;

    /** A scheme of two or more characters: "C:\x" is a Windows path, not a URL. */
    private static final Pattern URL = Pattern.compile("(?s)[a-zA-Z][a-zA-Z0-9+.-]+:.*");

    public static Target of(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("magnet:")) {
            return MAGNET;
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return HTTP;
        }
        if (lower.startsWith("file:")) {
            return FILE_URI;
        }
        return URL.matcher(lower).matches() ? OTHER_URL : PATH;
    }
}
