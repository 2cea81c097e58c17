package dev.shoal.remote.protocol;

import java.io.IOException;

/** The running Shoal would not go on; the message is its one-line reason ("wrong token", ...). */
public final class RefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    public RefusedException(String reason) {
        super(reason);
    }
}
