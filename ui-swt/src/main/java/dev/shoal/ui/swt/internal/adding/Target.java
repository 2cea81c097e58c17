package dev.shoal.ui.swt.internal.adding;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a piece of text names, for adding: a magnet link, an http(s) URL, a file: URI or a path. */
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

    /**
     * The lines of dropped or pasted text that name something to add: links, URLs and absolute
     * paths (a relative path in a text says nothing about where it is). Blank lines and the
     * comments of a text/uri-list are left out; at most {@code max} lines, so a pasted book does
     * not open a thousand dialogs.
     */
    public static List<String> lines(String text, int max) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || found.size() >= max) {
                continue;
            }
            Target kind = of(t);
            if (kind == MAGNET || kind == HTTP || kind == FILE_URI || kind == PATH && isAbsolutePath(t)) {
                found.add(t);
            }
        }
        return found;
    }

    /** The text when it is one link (http(s) URL or magnet) to prefill the link dialog with, else "". */
    public static String link(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        return !t.isEmpty() && !t.contains("\n") && (of(t) == HTTP || of(t) == MAGNET) && t.length() <= 8192 ? t : "";
    }

    private static boolean isAbsolutePath(String text) {
        try {
            return Path.of(text).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
