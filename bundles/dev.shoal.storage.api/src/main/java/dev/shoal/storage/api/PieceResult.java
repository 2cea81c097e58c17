package dev.shoal.storage.api;

/**
 * The outcome of hashing one piece.
 *
 * @param piece   the piece index
 * @param outcome verified, or failed its hash
 */
public record PieceResult(int piece, Outcome outcome) {

    /** What hashing found. */
    public enum Outcome {
        /** The data matches the piece hash (it reaches the device by the next resume save). */
        VERIFIED,
        /** The data does not match; the piece must be downloaded again. */
        HASH_FAILED
    }

    public PieceResult {
        if (piece < 0) {
            throw new IllegalArgumentException("piece must not be negative: " + piece);
        }
        if (outcome == null) {
            throw new NullPointerException("outcome");
        }
    }

    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }
}
