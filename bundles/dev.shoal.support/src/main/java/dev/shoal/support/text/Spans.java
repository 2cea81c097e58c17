package dev.shoal.support.text;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spans of time as Shoal shows and reads them, one form both ways: {@code 45s}, {@code 3m20s},
 * {@code 1h5m}, {@code 2d4h} (days, hours, minutes, seconds, no spaces), so what is shown can be
 * typed back.
 */
public final class Spans {

    private static final long[] SECONDS = {86_400, 3_600, 60, 1};
    private static final char[] LETTERS = {'d', 'h', 'm', 's'};
    private static final Pattern SPAN = Pattern.compile("(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");

    private Spans() {
    }

    /**
     * The two largest units from the first that is not zero, cut (not rounded) below: {@code 45s},
     * {@code 3m20s}, {@code 2h} for 2h0m59s, {@code 3d4h}; {@code 0s} for nothing or less.
     */
    public static String of(Duration span) {
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
     * Reads {@code 0}, {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 1d12h} (any case).
     * A bare number other than 0 is refused: whether it meant seconds or minutes is anyone's guess.
     *
     * @throws IllegalArgumentException with a one-line message quoting {@code text}
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SPAN.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a duration: \"" + text + "\" (say e.g. 90s, 30m, 2h or 1h30m)");
        }
        // At most nine digits a unit: no sum of them comes near a long's end.
        long seconds = 0;
        for (int i = 0; i < SECONDS.length; i++) {
            if (m.group(i + 1) != null) {
                seconds += Long.parseLong(m.group(i + 1)) * SECONDS[i];
            }
        }
        return Duration.ofSeconds(seconds);
    }
}
