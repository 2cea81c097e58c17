package dev.shoal.peer.internal.mse;

import java.io.IOException;

/** The peer broke the MSE handshake, or our setting refuses its kind; the message says how, in one line. */
public final class MseException extends IOException {

    private static final long serialVersionUID = 1L;
    private final boolean policy;

    public MseException(String message) {
        this(message, false);
    }

    private MseException(String message, boolean policy) {
        super(message);
        this.policy = policy;
    }

    /** The peer did nothing wrong: our {@link Encryption} setting refuses what it speaks. */
    static MseException refusedBySetting(String message) {
        return new MseException(message, true);
    }

    boolean refusedBySetting() {
        return policy;
    }
}
