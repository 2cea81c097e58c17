package dev.shoal.peer.internal.extension;

/** A peer broke the extension protocol (BEP 10) or an extension's rules: its connection is dropped. */
public final class ExtensionException extends Exception {

    private static final long serialVersionUID = 1L;

    public ExtensionException(String message) {
        super(message);
    }
}
