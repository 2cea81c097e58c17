package dev.shoal.peer.internal.codec;

/**
 * The bytes a peer sent break the wire format or our limits. The connection cannot go on: a frame
 * boundary may be lost, so the only answer is to close it.
 */
public final class WireException extends Exception {

    private static final long serialVersionUID = 1L;

    public WireException(String message) {
        super(message);
    }

    public WireException(String message, Throwable cause) {
        super(message, cause);
    }
}
