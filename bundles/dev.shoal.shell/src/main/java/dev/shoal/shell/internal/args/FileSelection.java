package dev.shoal.shell.internal.args;

import java.util.BitSet;

/**
 * Files of a torrent as {@code shoal:prio} names them, numbered from 1 as {@code shoal:files} shows:
 * {@code 3}, {@code 2-5}, {@code 1,4,7-9} or {@code all}.
 */
public final class FileSelection {

    private FileSelection() {
    }

    /**
     * The selected files' indexes (from 0).
     *
     * @throws IllegalArgumentException naming what is wrong, in one line
     */
    public static BitSet parse(String text, int fileCount) {
        BitSet selected = new BitSet(fileCount);
        if (text.trim().equalsIgnoreCase("all")) {
            selected.set(0, fileCount);
            return selected;
        }
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            int dash = p.indexOf('-', 1);
            int first = number(dash < 0 ? p : p.substring(0, dash), text);
            int last = dash < 0 ? first : number(p.substring(dash + 1), text);
            if (last < first) {
                throw new IllegalArgumentException("not a range: \"" + p + "\" (the first number comes first)");
            }
            if (last > fileCount) {
                throw new IllegalArgumentException("no file " + last + ": the torrent has " + fileCount
                        + (fileCount == 1 ? " file" : " files"));
            }
            selected.set(first - 1, last);
        }
        return selected;
    }

    private static int number(String digits, String whole) {
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(digits) == 0) {
            throw new IllegalArgumentException("not a file number: \"" + whole
                    + "\" (say e.g. 3, 2-5, 1,4,7-9 or all; shoal:files numbers them from 1)");
        }
        return Integer.parseInt(digits);
    }
}
