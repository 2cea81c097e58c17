package dev.shoal.support.config;

/** A text does not fit its attribute; the message is short, to show beside a field or after a setting's name. */
public final class InvalidValueException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }
}
