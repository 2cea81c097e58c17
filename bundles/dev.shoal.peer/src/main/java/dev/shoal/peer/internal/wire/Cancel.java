package dev.shoal.peer.internal.wire;

/**
 * Withdraws an earlier {@link Request} with the same fields. Sizes beyond what a peer may ask are the codec's and the protocol's business, not this
 * record's: it only refuses what cannot be encoded.
 */
public record Cancel(int piece, int begin, int length) implements PeerMessage {

    public Cancel {
        Checks.nonNegative("piece index", piece);
        Checks.nonNegative("begin", begin);
        Checks.positive("length", length);
    }
}
