package dev.shoal.cli.internal;

import java.util.Locale;

/** Byte counts as people read them (binary units, as BitTorrent clients show them). */
final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.2f %s", value, UNITS[unit]);
    }

    /** Reads "262144", "256K", "256KiB", "1M", "4 MiB" (binary multiples); throws on anything else. */
    static long parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        long multiplier = 1;
        String digits = t;
        for (int i = UNITS.length - 1; i >= 1; i--) {
            String unit = UNITS[i].toUpperCase(Locale.ROOT);
            String letter = unit.substring(0, 1);
            if (t.endsWith(unit) || t.endsWith(letter + "B") || t.endsWith(letter)) {
                multiplier = 1L << (10 * i);
                digits = t.substring(0, t.length() - (t.endsWith(unit) ? unit.length()
                        : t.endsWith(letter + "B") ? 2 : 1));
                break;
            }
        }
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 12) {
            throw new IllegalArgumentException("not a size: \"" + text + "\" (say e.g. 262144, 256K or 1M)");
        }
        return Math.multiplyExact(Long.parseLong(digits), multiplier);
    }
}
