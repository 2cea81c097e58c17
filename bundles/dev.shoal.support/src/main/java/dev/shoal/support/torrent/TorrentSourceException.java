package dev.shoal.support.torrent;

/** A torrent could not be had from what was given; the message is one line to show as it is. */
public final class TorrentSourceException extends Exception {

    private static final long serialVersionUID = 1L;

    public TorrentSourceException(String message) {
        super(oneLine(message));
    }

    /** Newlines and runs of blanks become single spaces, so any message fits one line. */
    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s+", " ");
    }
}
