package dev.shoal.cli.internal;

/**
 * A command could not do its work for a reason the user can act on. The message is the whole
 * story, printed as one line after "shoal: ".
 */
final class CommandFailure extends Exception {

    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        // One line, whatever a library put into the message.
        super(message.replaceAll("\\s*[\\r\\n]+\\s*", " "));
    }
}
