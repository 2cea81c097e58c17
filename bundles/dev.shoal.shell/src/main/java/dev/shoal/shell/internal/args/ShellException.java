package dev.shoal.shell.internal.args;

/**
 * A command failed; the message is one line for the user. Gogo's console prints an exception as
 * {@code toString()}, so that is the message alone, without the class name.
 */
public final class ShellException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ShellException(String message) {
        super(message);
    }

    public ShellException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
