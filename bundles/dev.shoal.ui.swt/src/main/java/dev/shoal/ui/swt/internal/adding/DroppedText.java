package dev.shoal.ui.swt.internal.adding;

import dev.shoal.support.torrent.Target;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Text dropped on or pasted into the window, read for what it names to add (classified by the
 * {@link Target} every part of Shoal reads targets with).
 */
public final class DroppedText {

    private DroppedText() {
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
            Target kind = Target.of(t);
            if (kind == Target.MAGNET || kind == Target.HTTP || kind == Target.FILE_URI
                    || kind == Target.PATH && isAbsolutePath(t)) {
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
        if (t.isEmpty() || t.contains("\n") || t.length() > 8192) {
            return "";
        }
        Target kind = Target.of(t);
        return kind == Target.HTTP || kind == Target.MAGNET ? t : "";
    }

    private static boolean isAbsolutePath(String text) {
        try {
            return Path.of(text).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
