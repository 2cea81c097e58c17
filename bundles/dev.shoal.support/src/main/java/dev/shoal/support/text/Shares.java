package dev.shoal.support.text;

import java.util.Locale;
import java.util.regex.Pattern;

/** Shares of a whole (progress) and share ratios (uploaded over downloaded). */
public final class Shares {

    private static final Pattern RATIO = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?|\\.\\d{1,9}");

    private Shares() {
    }

    /**
     * A share 0..1 as a percentage, one decimal below 100 and none at 100 as {@link Sizes} has it,
     * rounded down so that {@code 100%} means all of it: {@code 0.0%}, {@code 42.3%}, {@code 99.9%},
     * {@code 100%}. Nothing, less or NaN is {@code 0.0%}.
     */
    public static String percent(double share) {
        if (!(share > 0)) {
            return "0.0%";
        }
        if (share >= 1) {
            return "100%";
        }
        long tenths = (long) Math.floor(share * 1000);
        return tenths / 10 + "." + tenths % 10 + "%";
    }

    /** A share ratio with two decimals: {@code 0.52}, {@code 12.00}. */
    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    /**
     * Reads a ratio: a plain decimal number, 0 or more ({@code 1}, {@code 0.5}, {@code .25}); no
     * signs, exponents, NaN or infinity.
     *
     * @throws IllegalArgumentException with a one-line message quoting {@code text}
     */
    public static double parseRatio(String text) {
        String t = text.strip();
        if (!RATIO.matcher(t).matches()) {
            throw new IllegalArgumentException("not a ratio: \"" + text + "\" (a number 0 or more, e.g. 1, 0.5 or 2.5)");
        }
        return Double.parseDouble(t);
    }
}
