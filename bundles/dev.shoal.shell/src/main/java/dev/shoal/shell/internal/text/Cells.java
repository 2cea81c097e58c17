package dev.shoal.shell.internal.text;

/** Text from torrents and peers made safe for one cell of a terminal line. */
public final class Cells {

    private static final char ELLIPSIS = '…';

    private Cells() {
    }

    /**
     * Control characters (a torrent name may hold newlines or escape sequences that would forge
     * lines or drive the terminal) become '?'; longer than {@code max} characters is cut with an
     * ellipsis.
     */
    public static String clean(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        if (out.length() > max) {
            out.setLength(Math.max(0, max - 1));
            out.append(ELLIPSIS);
        }
        return out.toString();
    }
}
