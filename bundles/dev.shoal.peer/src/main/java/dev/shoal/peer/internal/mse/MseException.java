package dev.shoal.peer.internal.mse;

import java.io.IOException;

/** The peer broke the MSE handshake; the message says how, in one line. */
public final class MseException extends IOException {

    private static final long serialVersionUID = 1L;

    public MseException(String message) {
        super(message);
    }
}
