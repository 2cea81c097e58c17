package dev.shoal.metainfo;

/** A magnet link that cannot be used; the message is one sentence fit to show a user. */
public final class InvalidMagnetException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidMagnetException(String message) {
        super(message);
    }
}
