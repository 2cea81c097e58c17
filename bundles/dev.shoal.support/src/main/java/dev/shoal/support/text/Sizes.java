package dev.shoal.support.text;

/**
 * Byte counts as every part of Shoal shows and reads them, so the shell, the window and the command
 * line say the same for one torrent: binary units, one decimal below 100 and none from 100 up,
 * rounded to the nearest ({@code 1.5 MiB}, {@code 45.3 MiB}, {@code 812 MiB}).
 */
public final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    /** From here a value would round to "1024": it is shown in the next unit up instead. */
    private static final double NEXT_UNIT = 1023.5;

    private Sizes() {
    }

    /**
     * {@code 0 B}, {@code 1023 B}, {@code 1.0 KiB}, {@code 45.3 MiB}, {@code 812 MiB}, {@code 4.6 GiB};
     * {@code ?} for a negative count (unknown). Not String.format: a table formats a screenful of
     * these on every repaint.
     */
    public static String of(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= NEXT_UNIT && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        long tenths = Math.round(value * 10);
        if (tenths >= 1000) {
            return Math.round(value) + " " + UNITS[unit];
        }
        return tenths / 10 + "." + tenths % 10 + " " + UNITS[unit];
    }

    /**
     * Reads {@code 262144}, {@code 256K}, {@code 4 MiB}, {@code 1.5G} (see {@link Amounts}).
     *
     * @throws IllegalArgumentException with a one-line message quoting {@code text}
     */
    public static long parse(String text) {
        return Amounts.parse(text, text, "size", "262144, 256K or 4M; K = 1024");
    }
}
