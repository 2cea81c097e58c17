package dev.shoal.cli.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spans of time as people type and read them: {@code 90s}, {@code 30m}, {@code 1h30m}, {@code 2d}. */
final class Durations {

    private static final Pattern SPAN = Pattern.compile("(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");
    private static final long[] UNIT_SECONDS = {86_400, 3_600, 60, 1};
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s"};

    private Durations() {
    }

    /** Reads {@code 0}, {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 1d12h}; throws on anything else. */
    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SPAN.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a duration: \"" + text + "\" (say e.g. 90s, 30m, 2h or 1h30m)");
        }
        long seconds = 0;
        for (int i = 0; i < UNIT_SECONDS.length; i++) {
            if (m.group(i + 1) != null) {
                seconds = Math.addExact(seconds, Math.multiplyExact(Long.parseLong(m.group(i + 1)), UNIT_SECONDS[i]));
            }
        }
        return Duration.ofSeconds(seconds);
    }

    /** At most the two largest units: {@code 45s}, {@code 1m30s}, {@code 2m}, {@code 1h5m}, {@code 3d4h}. */
    static String human(Duration duration) {
        long left = Math.max(0, duration.getSeconds());
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < UNIT_SECONDS.length && shown < 2; i++) {
            long count = left / UNIT_SECONDS[i];
            left %= UNIT_SECONDS[i];
            if (count > 0) {
                text.append(count).append(UNIT_NAMES[i]);
            }
            if (count > 0 || shown > 0) {
                shown++;
            }
        }
        return text.length() == 0 ? "0s" : text.toString();
    }
}
