package dev.shoal.remote.protocol;

import java.io.IOException;

/** No Shoal answers for the data directory: no port file, or nothing listens on its port. */
public final class NotRunningException extends IOException {

    private static final long serialVersionUID = 1L;

    public NotRunningException(String message) {
        super(message);
    }
}
