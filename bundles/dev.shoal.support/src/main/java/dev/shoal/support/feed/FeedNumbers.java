package dev.shoal.support.feed;

import dev.shoal.support.text.Sizes;

/**
 * Numbers as feeds write them. A number nobody can read is no reason to drop a result: it comes
 * back -1 (unknown) instead of an exception.
 */
public final class FeedNumbers {

    private FeedNumbers() {
    }

    /**
     * A size: a plain byte count, or "1.2 GiB", "700 MB", "3,5 GB" (a decimal comma as some sites
     * write it), read by Shoal's one grammar for sizes ({@link Sizes#parse}); -1 when it is none.
     */
    public static long size(String text) {
        if (text == null || text.length() > 40) {
            return -1;
        }
        try {
            return Sizes.parse(text.replace(',', '.'));
        } catch (IllegalArgumentException e) {
            return -1;
        }
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
