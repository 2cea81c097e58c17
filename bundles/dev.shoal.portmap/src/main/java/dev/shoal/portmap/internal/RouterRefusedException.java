package dev.shoal.portmap.internal;

import java.io.IOException;

/** A router answered, and said no; the message is one line with its words for why. */
class RouterRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    RouterRefusedException(String message) {
        super(message);
    }
}
