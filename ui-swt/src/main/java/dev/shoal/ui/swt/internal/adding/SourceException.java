package dev.shoal.ui.swt.internal.adding;

/** A torrent could not be had from what the user gave; the message is one line to show as it is. */
public final class SourceException extends Exception {

    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(oneLine(message));
    }

    /** Newlines and runs of blanks become single spaces, so any message fits a one-line box. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s+", " ");
    }
}
