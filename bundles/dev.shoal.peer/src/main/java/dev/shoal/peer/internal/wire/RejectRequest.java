package dev.shoal.peer.internal.wire;

/**
 * BEP 6: the sender will not answer the {@link Request} with the same fields. Sizes beyond what a peer may ask are the codec's and the protocol's business, not this
 * record's: it only refuses what cannot be encoded.
 */
public record RejectRequest(int piece, int begin, int length) implements PeerMessage {

    public RejectRequest {
        Checks.nonNegative("piece index", piece);
        Checks.nonNegative("begin", begin);
        Checks.positive("length", length);
    }
}
