package dev.shoal.bencode;

/** Input that is not valid bencode, or that exceeds a decoder limit. Carries the byte offset. */
public final class BencodeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long offset;

    public BencodeException(long offset, String message) {
        super("at byte " + offset + ": " + message);
        this.offset = offset;
    }

    /** Offset of the byte where decoding failed. */
    public long offset() {
        return offset;
    }
}
