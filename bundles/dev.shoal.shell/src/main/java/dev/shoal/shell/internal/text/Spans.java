package dev.shoal.shell.internal.text;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spans of time in a shell: {@code 3m20s}, {@code 1h5m}, {@code 2d4h} out; {@code 90s}, {@code 2h}, {@code 1h30m} in. */
public final class Spans {

    /** Shown for a time that will not come at the current pace (nothing moves). */
    public static final String NEVER = "∞";

    private static final long[] SECONDS = {86_400, 3_600, 60, 1};
    private static final char[] LETTERS = {'d', 'h', 'm', 's'};
    private static final Pattern SPAN = Pattern.compile("(?:(\\d{1,7})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");

    private Spans() {
    }

    /** The two largest units that are not zero from the first: {@code 45s}, {@code 3m20s}, {@code 2h}, {@code 3d4h}. */
    public static String human(Duration span) {
        long left = Math.max(0, span.getSeconds());
        if (left == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        int units = 0;
        for (int i = 0; i < SECONDS.length && units < 2; i++) {
            long count = left / SECONDS[i];
            left %= SECONDS[i];
            if (count > 0) {
                text.append(count).append(LETTERS[i]);
            }
            if (count > 0 || units > 0) {
                units++;
            }
        }
        return text.toString();
    }

    /**
     * What is left until done: the time when the engine knows one, {@value #NEVER} when the torrent
     * is moving but at no pace, "-" when it is not moving at all.
     */
    public static String eta(Optional<Duration> eta, boolean moving) {
        return eta.map(Spans::human).orElse(moving ? NEVER : "-");
    }

    /**
     * Reads {@code 0}, {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 1d12h}. A bare number
     * other than 0 is refused: whether it meant seconds or minutes is anyone's guess.
     */
    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SPAN.matcher(t);
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a time span: \"" + text + "\" (say e.g. 90s, 30m, 2h or 1d12h)");
        }
        long seconds = 0;
        for (int i = 0; i < SECONDS.length; i++) {
            if (m.group(i + 1) != null) {
                seconds += Long.parseLong(m.group(i + 1)) * SECONDS[i];
            }
        }
        return Duration.ofSeconds(seconds);
    }
}
