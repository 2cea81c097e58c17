package dev.shoal.ui.swt.internal;

import java.time.Duration;
import java.util.Locale;

/**
 * How the desktop writes sizes, rates, durations and shares: binary units ("1.5 MiB", "512 KiB/s"),
 * the two largest parts of a duration ("3m 20s"). Locale.ROOT so a German desktop still shows "1.5"
 * as the shell does; people compare the two.
 */
public final class Units {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Units() {
    }

    /** {@code bytes} in the largest binary unit that keeps the number at least 1: "0 B", "1.5 MiB", "512 KiB". */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        // One decimal below 100 ("1.5 MiB"), none above ("512 KiB"): three or four digits at most.
        // Rounding 1023.96 up would print "1024 KiB"; floor the shown digit instead. Not
        // String.format: the table formats a screenful of these on every repaint.
        if (value < 100) {
            return tenths((long) Math.floor(value * 10)) + " " + UNITS[unit];
        }
        return (long) Math.floor(value) + " " + UNITS[unit];
    }

    public static String rate(long bytesPerSecond) {
        return bytes(bytesPerSecond) + "/s";
    }

    /** The two largest non-zero parts: "45s", "3m 20s", "2h 5m", "4d 3h". */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds / 3600 % 24;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        if (days > 0) {
            return hours > 0 ? days + "d " + hours + "h" : days + "d";
        }
        if (hours > 0) {
            return minutes > 0 ? hours + "h " + minutes + "m" : hours + "h";
        }
        if (minutes > 0) {
            return secs > 0 ? minutes + "m " + secs + "s" : minutes + "m";
        }
        return secs + "s";
    }

    /**
     * A share 0..1 as percent with one decimal, floored: 99.99 % shows "99.9%", so "100%" means done.
     */
    public static String percent(double share) {
        double clamped = Math.max(0, Math.min(1, share));
        if (clamped >= 1) {
            return "100%";
        }
        return tenths((long) Math.floor(clamped * 1000)) + "%";
    }

    /** 423 as "42.3". */
    private static String tenths(long tenths) {
        return tenths / 10 + "." + tenths % 10;
    }

    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }
}
