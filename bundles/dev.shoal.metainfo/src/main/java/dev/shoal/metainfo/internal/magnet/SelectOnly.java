package dev.shoal.metainfo.internal.magnet;

import dev.shoal.metainfo.internal.text.Quote;
import java.util.BitSet;

/** BEP 53 {@code so}: a comma-separated list of file indices and inclusive ranges, "0,2,4-6". */
public final class SelectOnly {

    private SelectOnly() {
    }

    /**
     * Reads the list. Overlapping ranges count twice against {@link IndexSet#MAX_SIZE}, which
     * keeps the check cheap; real links do not overlap.
     *
     * @throws IllegalArgumentException with a phrase saying what is wrong
     */
    public static IndexSet parse(String text) {
        BitSet bits = new BitSet();
        long count = 0;
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty entry in " + Quote.of(text));
            }
            int dash = item.indexOf('-');
            int first = index(dash < 0 ? item : item.substring(0, dash));
            int last = dash < 0 ? first : index(item.substring(dash + 1));
            if (last < first) {
                throw new IllegalArgumentException("range " + Quote.of(item) + " runs backwards");
            }
            count += (long) last - first + 1;
            if (count > IndexSet.MAX_SIZE) {
                throw new IllegalArgumentException("selects more than " + IndexSet.MAX_SIZE + " files");
            }
            bits.set(first, last + 1);
        }
        return IndexSet.adopt(bits);
    }

    private static int index(String digits) {
        if (digits.isEmpty() || digits.length() > 9) {
            throw new IllegalArgumentException(Quote.of(digits) + " is not a file index");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new IllegalArgumentException(Quote.of(digits) + " is not a file index");
            }
        }
        int value = Integer.parseInt(digits);
        if (value > IndexSet.MAX_INDEX) {
            throw new IllegalArgumentException("file index " + value + " is above the limit of " + IndexSet.MAX_INDEX);
        }
        return value;
    }
}
