package dev.shoal.peer.internal.wire;

/** Argument checks the message records share; the decoders turn their exceptions into wire errors. */
final class Checks {

    private Checks() {
    }

    static int nonNegative(String what, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be 0 to 2^31-1, not " + Integer.toUnsignedString(value));
        }
        return value;
    }

    static int positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be 1 to 2^31-1, not " + Integer.toUnsignedString(value));
        }
        return value;
    }
}
