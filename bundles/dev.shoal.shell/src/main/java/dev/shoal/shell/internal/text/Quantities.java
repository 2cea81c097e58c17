package dev.shoal.shell.internal.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte counts, rates, shares and ratios as a shell shows them in columns (one decimal at most,
 * binary units) and reads them in arguments ({@code 500K}, {@code 2M}, {@code 1.5GiB}).
 */
public final class Quantities {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    /** A number with an optional binary unit: K, KB, KiB (any case), and for rates an optional "/s". */
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,15}(?:\\.\\d{1,6})?)\\s*(?:([kmgt])(?:i?b)?|b)?");

    private Quantities() {
    }

    /** {@code 0 B}, {@code 1023 B}, {@code 1.2 KiB}, {@code 45.3 MiB}, {@code 812 MiB}, {@code 4.6 GiB}. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1023.5 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 99.95 ? "%.0f %s" : "%.1f %s", value, UNITS[unit]);
    }

    /** A transfer rate, {@code 1.2 MiB/s}; {@code -} when nothing moves, so busy rows stand out. */
    public static String rate(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? "-" : size(bytesPerSecond) + "/s";
    }

    /** A rate limit: {@code unlimited} for 0. */
    public static String limit(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? "unlimited" : size(bytesPerSecond) + "/s";
    }

    /**
     * A share 0..1 as a percentage with one decimal, rounded down so that {@code 100%} means all
     * of it: {@code 0%}, {@code 42.3%}, {@code 99.9%}, {@code 100%}.
     */
    public static String percent(double share) {
        if (!(share > 0)) {
            return "0%";
        }
        if (share >= 1) {
            return "100%";
        }
        double tenths = Math.floor(share * 1000) / 10;
        return String.format(Locale.ROOT, "%.1f%%", tenths);
    }

    /** A share ratio with two decimals. */
    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    /**
     * Reads a rate in bytes per second: {@code 0}, {@code 81920}, {@code 500K}, {@code 2M},
     * {@code 1.5MiB}, {@code 10KB/s}; K, M, G, T are 1024, 1024², ...; {@code 0} or
     * {@code unlimited} means no limit.
     */
    public static long parseRate(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("unlimited") || t.equals("none")) {
            return 0;
        }
        if (t.endsWith("/s")) {
            t = t.substring(0, t.length() - 2);
        }
        return amount(t, "rate", text, "500K, 2M or 1.5MiB; K = 1024; 0 for no limit");
    }

    /** Reads a size in bytes: {@code 262144}, {@code 256K}, {@code 4MiB}, {@code 1.5G}. */
    public static long parseSize(String text) {
        return amount(text.trim().toLowerCase(Locale.ROOT), "size", text, "262144, 256K or 4M; K = 1024");
    }

    private static long amount(String t, String what, String original, String examples) {
        Matcher m = AMOUNT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a " + what + ": \"" + original + "\" (say e.g. " + examples + ")");
        }
        int power = m.group(2) == null ? 0 : "kmgt".indexOf(m.group(2)) + 1;
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << (10 * power)));
        if (bytes.signum() > 0 && bytes.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException(what + " too small: \"" + original + "\" is less than one byte");
        }
        try {
            return bytes.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " too large: \"" + original + "\"");
        }
    }
}
