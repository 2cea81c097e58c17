package dev.shoal.support.text;

import java.util.Locale;

/** Transfer rates in bytes per second, shown and read as {@link Sizes} are, with "/s". */
public final class Rates {

    private Rates() {
    }

    /** {@code 0 B/s}, {@code 512 KiB/s}, {@code 1.2 MiB/s}. */
    public static String of(long bytesPerSecond) {
        return Sizes.of(bytesPerSecond) + "/s";
    }

    /**
     * Reads {@code 0}, {@code 81920}, {@code 500K}, {@code 2M}, {@code 1.5MiB}, {@code 10KB/s}; K, M,
     * G, T are 1024, 1024², ...; {@code 0}, {@code unlimited} or {@code none} for no limit.
     *
     * @throws IllegalArgumentException with a one-line message quoting {@code text}
     */
    public static long parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("unlimited") || t.equals("none")) {
            return 0;
        }
        if (t.endsWith("/s")) {
            t = t.substring(0, t.length() - 2);
        }
        return Amounts.parse(t, text, "rate", "500K, 2M or 1.5MiB; K = 1024; 0 for no limit");
    }
}
