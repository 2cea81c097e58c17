package dev.shoal.metainfo.internal.path;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether one path component (a file or directory name from a torrent) can be created
 * safely on every platform Shoal runs on, and rewrites it when asked.
 *
 * <p>The rules are the union of what Linux, macOS and Windows refuse or misread: nothing that
 * climbs or names the root ({@code ..}, separators, drive letters), no control characters, none
 * of the characters or device names Windows reserves, no trailing dots or spaces (Windows drops
 * them silently, so two names would meet), and at most 255 UTF-8 bytes (the common file-name limit).
 */
public final class PathValidator {

    public static final int MAX_COMPONENT_BYTES = 255;

    private static final String WINDOWS_RESERVED_CHARS = "<>:\"|?*";

    /** Device names Windows maps whatever the extension; the superscript digits count too. */
    private static final Set<String> RESERVED_NAMES = Set.of(
            "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "COM\u00b9", "COM\u00b2", "COM\u00b3",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
            "LPT\u00b9", "LPT\u00b2", "LPT\u00b3");

    /** Extensions up to this many bytes survive shortening, so a long name keeps its type. */
    private static final int KEPT_EXTENSION_BYTES = 32;

    private PathValidator() {
    }

    /** Why {@code component} is unsafe, as a phrase for a message; empty when it is safe. */
    public static Optional<String> problem(String component) {
        if (component.isEmpty()) {
            return Optional.of("empty path components are not allowed");
        }
        if (component.equals(".") || component.equals("..")) {
            return Optional.of("\"" + component + "\" is not allowed");
        }
        if (component.length() >= 2 && component.charAt(1) == ':' && isAsciiLetter(component.charAt(0))) {
            return Optional.of("drive letters are not allowed");
        }
        for (int i = 0; i < component.length(); i++) {
            Optional<String> bad = badCharacter(component.charAt(i));
            if (bad.isPresent()) {
                return bad;
            }
        }
        char last = component.charAt(component.length() - 1);
        if (last == '.' || last == ' ') {
            return Optional.of("a trailing " + (last == '.' ? "dot" : "space") + " is not allowed (Windows drops it)");
        }
        if (isReservedName(component)) {
            return Optional.of("\"" + baseName(component) + "\" is a reserved device name on Windows");
        }
        if (utf8Length(component) > MAX_COMPONENT_BYTES) {
            return Optional.of("names longer than " + MAX_COMPONENT_BYTES + " bytes are not allowed");
        }
        return Optional.empty();
    }

    public static boolean isSafe(String component) {
        return problem(component).isEmpty();
    }

    /**
     * A safe form of {@code component}, the same one every time; a safe component comes back as it
     * is. Bad characters become '_', trailing dots and spaces go, a reserved device name gets '_'
     * after its base name ({@code aux.txt} becomes {@code aux_.txt}), an empty result becomes
     * {@code _}, and an over-long name is cut at a character boundary, keeping a short extension.
     */
    public static String sanitize(String component) {
        if (isSafe(component)) {
            return component;
        }
        StringBuilder out = new StringBuilder(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            out.append(badCharacter(c).isPresent() ? '_' : c);
        }
        String name = stripTrailingDotsAndSpaces(out.toString());
        if (isReservedName(name)) {
            int dot = name.indexOf('.');
            name = dot < 0 ? name + "_" : name.substring(0, dot) + "_" + name.substring(dot);
        }
        if (utf8Length(name) > MAX_COMPONENT_BYTES) {
            // Cutting the stem leaves a long base name, which can never be a reserved one.
            name = stripTrailingDotsAndSpaces(shorten(name, MAX_COMPONENT_BYTES));
        }
        return name;
    }

    /**
     * {@code component} with {@code suffix} inserted before its extension ({@code a.txt} with
     * {@code _2} gives {@code a_2.txt}), shortened to stay within the length limit.
     */
    public static String withSuffix(String component, String suffix) {
        int dot = component.lastIndexOf('.');
        String stem = dot > 0 ? component.substring(0, dot) : component;
        String extension = dot > 0 ? component.substring(dot) : "";
        int room = MAX_COMPONENT_BYTES - utf8Length(suffix) - utf8Length(extension);
        if (room < 1) {
            extension = "";
            room = MAX_COMPONENT_BYTES - utf8Length(suffix);
        }
        return cutToBytes(stem, room) + suffix + extension;
    }

    static boolean isReservedName(String component) {
        return RESERVED_NAMES.contains(baseName(component).stripTrailing().toUpperCase(Locale.ROOT));
    }

    /** The part before the first dot: Windows checks device names there, so "con.tar.gz" is CON. */
    private static String baseName(String component) {
        int dot = component.indexOf('.');
        return dot < 0 ? component : component.substring(0, dot);
    }

    private static Optional<String> badCharacter(char c) {
        if (c == '/' || c == '\\') {
            return Optional.of("'" + c + "' inside a name is not allowed");
        }
        if (c < 0x20 || c == 0x7f) {
            return Optional.of(String.format("control character U+%04X is not allowed", (int) c));
        }
        if (WINDOWS_RESERVED_CHARS.indexOf(c) >= 0) {
            return Optional.of("'" + c + "' is not allowed on Windows");
        }
        return Optional.empty();
    }

    private static String shorten(String name, int maxBytes) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot) : "";
        if (utf8Length(extension) > KEPT_EXTENSION_BYTES) {
            extension = "";
        }
        String stem = extension.isEmpty() ? name : name.substring(0, dot);
        return cutToBytes(stem, maxBytes - utf8Length(extension)) + extension;
    }

    /** The longest prefix of {@code text} within {@code maxBytes} UTF-8 bytes, never splitting a code point. */
    private static String cutToBytes(String text, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int size = utf8Length(new String(Character.toChars(codePoint)));
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return text.substring(0, i);
    }

    private static String stripTrailingDotsAndSpaces(String name) {
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return end == 0 ? "_" : name.substring(0, end);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
