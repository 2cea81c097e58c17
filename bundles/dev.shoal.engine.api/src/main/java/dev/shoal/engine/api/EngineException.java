package dev.shoal.engine.api;

/** A torrent could not be added or started; the message is one line for the user. */
public final class EngineException extends Exception {

    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
