package dev.shoal.boot;

import java.io.IOException;
import java.io.Reader;

/** Lines from a reader, each at most a limit long: a longer one is skipped to its end and reported. */
final class BoundedLines {

    /** What {@link #next()} gives for a line over the limit. */
    static final String TOO_LONG = "\u0000too long";

    private final Reader reader;
    private final int limit;

    BoundedLines(Reader reader, int limit) {
        this.reader = reader;
        this.limit = limit;
    }

    /** The next line without its end, {@link #TOO_LONG}, or null at the end of input. */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        int c;
        while ((c = reader.read()) >= 0 && c != '\n') {
            if (line.length() < limit) {
                line.append((char) c);
            } else {
                tooLong = true;
            }
        }
        if (c < 0 && line.length() == 0 && !tooLong) {
            return null;
        }
        if (tooLong) {
            return TOO_LONG;
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }
}
