package dev.shoal.metainfo;

/**
 * A torrent file that cannot be used. The message is one sentence naming the problem and where
 * it is (a byte offset or a key path such as {@code info.files[3].length}), fit to show a user.
 */
public final class InvalidTorrentException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidTorrentException(String message) {
        super(message);
    }

    public InvalidTorrentException(String message, Throwable cause) {
        super(message, cause);
    }
}
