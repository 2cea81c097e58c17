package dev.shoal.shell.internal.text;

import dev.shoal.support.text.Rates;
import dev.shoal.support.text.Spans;
import java.time.Duration;
import java.util.Optional;

/**
 * Text for one cell of a terminal line: from torrents and peers made safe, and the shell's choices
 * for what is not a number (sizes, rates and spans themselves are written as everywhere in Shoal:
 * dev.shoal.support.text).
 */
public final class Cells {

    private static final char ELLIPSIS = '…';

    /** Shown for a time that will not come at the current pace (nothing moves). */
    public static final String NEVER = "∞";

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

    /** A transfer rate, {@code 1.2 MiB/s}; {@code -} when nothing moves, so busy rows stand out. */
    public static String rate(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? "-" : Rates.of(bytesPerSecond);
    }

    /** A rate limit: {@code unlimited} for 0. */
    public static String limit(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? "unlimited" : Rates.of(bytesPerSecond);
    }

    /**
     * What is left until done: the time when the engine knows one, {@value #NEVER} when the torrent
     * is moving but at no pace, "-" when it is not moving at all.
     */
    public static String eta(Optional<Duration> eta, boolean moving) {
        return eta.map(Spans::of).orElse(moving ? NEVER : "-");
    }
}
