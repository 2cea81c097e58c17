package dev.shoal.search.internal;

import java.time.Duration;
import java.util.Locale;

/** What plugins say, made into one short line a user can be shown. */
final class Texts {

    /** The longest failure message kept: an index's error page must not become the outcome. */
    static final int MAX_MESSAGE = 300;

    private Texts() {
    }

    /** Control characters (line breaks included) become spaces; longer than {@code max} is cut with an ellipsis. */
    static String clean(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && out.length() <= max; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        if (out.length() > max) {
            out.setLength(max - 1);
            out.append('…');
        }
        return out.toString().strip();
    }

    /** Why {@code failure} happened in one line: its message, or its class's name when it has none. */
    static String failure(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName().isEmpty() ? failure.getClass().getName()
                    : failure.getClass().getSimpleName();
        }
        return clean(message, MAX_MESSAGE);
    }

    /** {@code span} in nanoseconds, {@link Long#MAX_VALUE} for a span too long to count so (292 years). */
    static long nanos(Duration span) {
        try {
            return span.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code 20 s}, {@code 0.5 s}, {@code 1.2 s}. */
    static String seconds(Duration span) {
        long millis = span.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
