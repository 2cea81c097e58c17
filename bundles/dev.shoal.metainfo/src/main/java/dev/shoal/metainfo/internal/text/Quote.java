package dev.shoal.metainfo.internal.text;

/**
 * Quotes text taken from a torrent for an error message: control characters are escaped, so
 * a hostile name cannot break the message over lines or into terminal escapes.
 */
public final class Quote {

    private static final int MAX_CHARS = 200;

    private Quote() {
    }

    public static String of(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            if (i == MAX_CHARS) {
                out.append("...");
                break;
            }
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
