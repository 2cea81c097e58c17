package dev.shoal.ui.swt.internal.prefs;

/** A field's text does not fit its attribute; the message is short, to show next to the field. */
public final class InvalidValue extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidValue(String message) {
        super(message);
    }
}
