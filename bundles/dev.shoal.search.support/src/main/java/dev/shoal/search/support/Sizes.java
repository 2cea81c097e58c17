package dev.shoal.search.support;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as feeds write them: plain byte counts, or "1.2 GiB", "700 MB", "3,5 GB". */
public final class Sizes {

    /**
     * Torrent sites write MB for MiB as often as not, and a size is shown rounded anyway: both
     * families count in 1024s here, as Sonarr and Jackett do.
     */
    private static final Map<String, Integer> POWERS = Map.ofEntries(Map.entry("", 0), Map.entry("B", 0),
            Map.entry("BYTES", 0), Map.entry("K", 1), Map.entry("KB", 1), Map.entry("KIB", 1), Map.entry("M", 2),
            Map.entry("MB", 2), Map.entry("MIB", 2), Map.entry("G", 3), Map.entry("GB", 3), Map.entry("GIB", 3),
            Map.entry("T", 4), Map.entry("TB", 4), Map.entry("TIB", 4), Map.entry("P", 5), Map.entry("PB", 5),
            Map.entry("PIB", 5));

    private static final Pattern SIZE = Pattern.compile("(\\d{1,18}(?:[.,]\\d{1,6})?)\\s*([A-Za-z]{0,5})");

    private Sizes() {
    }

    /** The size in bytes, or -1 when {@code text} is no size. */
    public static long parse(String text) {
        if (text == null || text.length() > 40) {
            return -1;
        }
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            return -1;
        }
        Integer power = POWERS.get(m.group(2).toUpperCase(Locale.ROOT));
        if (power == null) {
            return -1;
        }
        BigDecimal bytes = new BigDecimal(m.group(1).replace(',', '.')).multiply(BigDecimal.valueOf(1024).pow(power));
        return bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? -1 : bytes.longValue();
    }

    /** A whole number of at most 18 digits, or -1. */
    public static long count(String text) {
        if (text == null) {
            return -1;
        }
        String digits = text.strip();
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(digits);
    }

    /** {@link #count} as an int, saturated. */
    public static int intCount(String text) {
        long n = count(text);
        return n < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, n);
    }
}
