package dev.shoal.lsd.internal;

/** A datagram on the LSD port that is not an announce we accept; the message says why, in one line. */
final class MalformedAnnouncementException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedAnnouncementException(String reason) {
        super(reason, null, false, false);
    }
}
