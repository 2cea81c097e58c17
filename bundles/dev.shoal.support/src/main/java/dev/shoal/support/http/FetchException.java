package dev.shoal.support.http;

import java.io.IOException;

/**
 * A fetch that failed for a reason a user can act on; the message is one line and shows no
 * secret (URLs in it went through a {@link Redactor}).
 */
public class FetchException extends IOException {

    private static final long serialVersionUID = 1L;

    public FetchException(String message) {
        super(message);
    }
}
